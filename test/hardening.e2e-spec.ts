import { PersonalDataVault } from '@onedoor/personal-data';
import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';

/** Regressions: inputs that once got past validation or left a trace they should not have. */
describe('hardening against inputs that once slipped through', () => {
  let t: OnedoorTestApp;
  const hub = () => t.auth('calder-hub');
  const works = () => t.auth('calder-works');
  const today = () => new Date().toISOString().slice(0, 10);

  beforeAll(async () => (t = await startTestApp({ seedDemo: true })));
  afterAll(() => t.close());

  async function refusedWritingNothing(send: () => PromiseLike<{ status: number; body: { rule?: string; fields?: { field: string }[] } }>, status: number, fieldOrRule: string) {
    const head = await t.head();
    const res = await send();
    expect(res.status).toBe(status);
    if (status === 400) expect(res.body.fields?.map((f) => f.field)).toContain(fieldOrRule);
    else expect(res.body.rule).toBe(fieldOrRule);
    expect(await t.head()).toBe(head);
    return res;
  }

  it('a null in a correction is refused, and the app stays healthy', async () => {
    for (const field of ['givenName', 'familyName', 'dateOfBirth', 'email']) {
      await refusedWritingNothing(() => t.http().patch('/people/demo-person-1').set('authorization', hub()).send({ [field]: null }), 400, field);
    }
    await t.http().get('/health').expect(200);
  });

  it('a null in a service update is refused', async () => {
    for (const field of ['localities', 'communities', 'description', 'name', 'needs']) {
      await refusedWritingNothing(() => t.http().patch('/services/job-club').set('authorization', works()).send({ [field]: null }), 400, field);
    }
    await t.http().get('/services/job-club').set('authorization', works()).expect(200);
  });

  it('a partial eligibility update is checked against the stored age range', async () => {
    await refusedWritingNothing(() => t.http().patch('/services/job-club').set('authorization', works()).send({ eligibility: { maximumAge: 10 } }), 422, 'service.age-range-inverted');
    const ok = await t.http().patch('/services/job-club').set('authorization', works()).send({ eligibility: { maximumAge: 67 } }).expect(200);
    expect(ok.body.eligibility).toMatchObject({ minimumAge: 16, maximumAge: 67 });
  });

  it('a null id is a 400, not a crash', async () => {
    await refusedWritingNothing(() => t.http().post('/people').set('authorization', hub()).send({ personId: null, givenName: 'A', familyName: 'B', dateOfBirth: '1990-01-01' }), 400, 'personId');
  });

  it('dates must be real calendar dates', async () => {
    await refusedWritingNothing(() => t.http().post('/people').set('authorization', hub()).send({ givenName: 'A', familyName: 'B', dateOfBirth: '1990-02-31' }), 400, 'dateOfBirth');
    await refusedWritingNothing(() => t.http().post('/people').set('authorization', hub()).send({ givenName: 'A', familyName: 'B', dateOfBirth: '2999-01-01' }), 400, 'dateOfBirth');
    await refusedWritingNothing(() => t.http().post('/referrals/demo-referral-1/interactions').set('authorization', works()).send({ kind: 'attendance', occurredOn: '2026-02-30' }), 400, 'occurredOn');
  });

  it('a reason, an outcome or a capacity must be an object, not a list', async () => {
    await refusedWritingNothing(() => t.http().post('/referrals/demo-referral-2/reject').set('authorization', t.auth('fair-money')).send({ reason: [] }), 400, 'reason');
    await refusedWritingNothing(() => t.http().post('/referrals/demo-referral-1/complete').set('authorization', works()).send({ outcome: [] }), 400, 'outcome');
    await refusedWritingNothing(() => t.http().put('/services/job-club/capacity').set('authorization', works()).send([]), 400, 'available');
  });

  it('an empty correction writes nothing', async () => {
    await refusedWritingNothing(() => t.http().patch('/people/demo-person-1').set('authorization', hub()).send({}), 422, 'person.no-changes');
  });

  it('a consortium-wide consent does not silently drop named partners', async () => {
    await refusedWritingNothing(() => t.http().post('/people/demo-person-1/consents').set('authorization', hub()).send({ scope: 'consortium', partnerIds: ['ghost'], purposes: ['referral'] }), 400, 'partnerIds');
  });

  it('actions without a body refuse fields sent anyway', async () => {
    await refusedWritingNothing(() => t.http().post('/referrals/demo-referral-2/accept').set('authorization', t.auth('fair-money')).send({ foo: 1 }), 400, 'foo');
  });

  it('staff refer only people they may see', async () => {
    await t.http().post('/people').set('authorization', hub()).send({ personId: 'only-money', givenName: 'Nia', familyName: 'Evans', dateOfBirth: '1975-04-04' }).expect(201);
    await t.http().post('/people/only-money/consents').set('authorization', hub()).send({ scope: 'partners', partnerIds: ['fair-money'], purposes: ['referral'] }).expect(201);
    const res = await refusedWritingNothing(() => t.http().post('/referrals').set('authorization', t.auth('youth-forward')).send({ personId: 'only-money', needs: ['employment'], serviceId: 'job-club' }), 403, 'person.consent-required');
    await t.http().post('/referrals').set('authorization', t.auth('fair-money')).send({ personId: 'only-money', needs: ['debt'], serviceId: 'debt-advice' }).expect(201);
    expect(Object.keys(res.body).sort()).toEqual(['error', 'message', 'rule', 'statusCode']);
  });

  it('errors carry the standard reason phrase', async () => {
    const res = await t.http().get('/referrals/no-such-referral').set('authorization', hub()).expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', rule: 'referral.not-found' });
    const badJson = await t.http().post('/referrals').set('authorization', hub()).set('content-type', 'application/json').send('{"personId":').expect(400);
    expect(badJson.body).toMatchObject({ error: 'Bad Request', rule: 'input.invalid' });
  });

  it('a refused registration never makes a key: not for an erased id, not for a possible duplicate', async () => {
    const vault = t.app.get(PersonalDataVault);
    await t.http().delete('/people/demo-person-3').set('authorization', t.auth('youth-forward')).expect(200);
    await refusedWritingNothing(() => t.http().post('/people').set('authorization', hub()).send({ personId: 'demo-person-3', givenName: 'Jade', familyName: 'Okafor', dateOfBirth: '2007-06-21' }), 409, 'person.already-registered');
    expect(vault.isErased('demo-person-3')).toBe(true);
    await refusedWritingNothing(() => t.http().post('/people').set('authorization', hub()).send({ personId: 'amira-again', givenName: 'Amira', familyName: 'Khan', dateOfBirth: '1988-03-14' }), 409, 'person.possible-duplicate');
    expect(vault.isErased('amira-again')).toBe(true);
    await t.http().post('/referrals/demo-referral-1/interactions').set('authorization', works()).send({ kind: 'one-to-one', occurredOn: today() }).expect(201);
  });
});
