import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';

/** Crypto-shredding: erasing a person destroys their key; history without personal data stays. */
describe('erasing a person', () => {
  let t: OnedoorTestApp;
  const hub = () => t.auth('calder-hub');
  const works = () => t.auth('calder-works');
  let personId: string;
  let referralId: string;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    const person = await t.http().post('/people').set('authorization', hub()).send({ givenName: 'Zebedee', familyName: 'Quartermain', dateOfBirth: '1979-09-09', email: 'zeb@example.org', postcode: 'HX2 7AA' }).expect(201);
    personId = person.body.personId;
    await t.http().post(`/people/${personId}/consents`).set('authorization', hub()).send({ scope: 'consortium', purposes: ['referral', 'case-management'] }).expect(201);
    const referral = await t.http().post('/referrals').set('authorization', hub()).send({ personId, needs: ['employment'], serviceId: 'job-club', summary: 'Zebedee lost his job at the mill' }).expect(201);
    referralId = referral.body.referralId;
    await t.http().post(`/referrals/${referralId}/accept`).set('authorization', works()).expect(200);
    await t.http().post(`/referrals/${referralId}/interactions`).set('authorization', works()).send({ kind: 'one-to-one', occurredOn: new Date().toISOString().slice(0, 10), notes: 'Zebedee prefers mornings' }).expect(201);
  });
  afterAll(() => t.close());

  it('never stores personal data in plaintext in the event log', () => {
    const events = readFileSync(join(t.dataDir, 'events.sqlite'));
    const wal = readdirSync(t.dataDir).filter((f) => f.startsWith('events.sqlite-wal')).map((f) => readFileSync(join(t.dataDir, f)));
    for (const bytes of [events, ...wal]) {
      for (const secret of ['Zebedee', 'Quartermain', 'zeb@example.org', 'HX2 7AA', 'mill', 'mornings']) expect(bytes.includes(secret)).toBe(false);
    }
  });

  it('only the registering partner or the hub may erase', async () => {
    await t.http().delete(`/people/${personId}`).set('authorization', works()).expect(403);
  });

  it('after erasure every read shows the personal fields as erased, and the history remains', async () => {
    await t.http().post(`/people/${personId}/consents`).set('authorization', hub()).set('idempotency-key', 'consent-zeb').send({ scope: 'partners', partnerIds: ['calder-works'], purposes: ['research'] }).expect(201);
    const requestFiles = () => readdirSync(t.dataDir).filter((f) => f.startsWith('requests.sqlite')).map((f) => readFileSync(join(t.dataDir, f)));
    expect(requestFiles().some((bytes) => bytes.includes('Quartermain'))).toBe(true);
    await t.http().delete(`/people/${personId}`).set('authorization', hub()).expect(200);
    // The stored first answers to retried requests held their details too: those are forgotten.
    expect(requestFiles().some((bytes) => bytes.includes('Quartermain'))).toBe(false);

    const person = await t.http().get(`/people/${personId}`).set('authorization', hub()).expect(200);
    expect(person.body).toMatchObject({ personId, erased: true, details: '[erased]' });

    const referral = await t.http().get(`/referrals/${referralId}`).set('authorization', works()).expect(200);
    expect(referral.body).toMatchObject({ status: 'in-progress', person: '[erased]', summary: '[erased]', needs: ['employment'] });
    expect(referral.body.interactions).toEqual([expect.objectContaining({ kind: 'one-to-one', notes: '[erased]' })]);

    const timeline = await t.http().get(`/people/${personId}/timeline`).set('authorization', works()).expect(200);
    expect(JSON.stringify(timeline.body)).not.toMatch(/Zebedee|mill|mornings/);
    expect(timeline.body.entries.filter((e: { kind: string }) => e.kind === 'interaction')).toHaveLength(1);

    const history = await t.http().get(`/referrals/${referralId}/history`).set('authorization', works()).expect(200);
    expect(history.body.history.map((h: { type: string }) => h.type)).toContain('InteractionRecorded');
  });

  it('an erased person is no longer found by the duplicate check and cannot be referred again', async () => {
    const dup = await t.http().get('/people/duplicates').query({ givenName: 'Zebedee', familyName: 'Quartermain', dateOfBirth: '1979-09-09' }).set('authorization', hub()).expect(200);
    expect(dup.body.possibleDuplicateIds).toEqual([]);
    const res = await t.http().post('/referrals').set('authorization', hub()).send({ personId, needs: ['debt'], serviceId: 'debt-advice' }).expect(409);
    expect(res.body.rule).toBe('referral.person-erased');
    await t.http().post(`/people/${personId}/consents`).set('authorization', hub()).send({ scope: 'consortium', purposes: ['referral'] }).expect(409);
  });

  it('stays erased after a restart: the key is gone from its file', async () => {
    await t.close({ keepData: true });
    t = await startTestApp({ dataDir: t.dataDir });
    const referral = await t.http().get(`/referrals/${referralId}`).set('authorization', works()).expect(200);
    expect(referral.body).toMatchObject({ status: 'in-progress', person: '[erased]', summary: '[erased]' });
  });
});
