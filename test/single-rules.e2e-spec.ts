import { MAX_PENCE } from '@onedoor/platform';
import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';
import { expectBadInput, expectFieldsRefused, expectOpaque, sendWritingNothing } from './support/refusals';

/**
 * One test per single rule of issue 12, each the request the issue found getting through (or crashing), over the
 * demo consortium: the status, the body naming the field and the rule, and the log head unchanged. The generic
 * DTO checks of each route are in bad-input.e2e-spec.ts; the seeded mix of all of them is test/fuzz.
 */
describe('the single rules of issue 12', () => {
  let t: OnedoorTestApp;
  const hub = () => t.auth('calder-hub');
  const works = () => t.auth('calder-works');
  const person = { givenName: 'Rosa', familyName: 'Marsh', dateOfBirth: '1985-07-19' };
  const service = { name: 'CV clinic', description: '', needs: ['employment'], localities: ['Halifax'], communities: [], eligibility: {}, capacity: { available: 1, maximum: 2, unit: 'places' } };
  const thisMonth = () => new Date().toISOString().slice(0, 7);
  const raw = (method: 'post' | 'patch', url: string, as: () => string, json: string) => () => t.http()[method](url).set('authorization', as()).set('content-type', 'application/json').send(json);

  beforeAll(async () => (t = await startTestApp({ seedDemo: true })));
  afterAll(() => t?.close());

  it.each([
    ['form-encoded', 'application/x-www-form-urlencoded', 'givenName=Rosa&familyName=Marsh&dateOfBirth=1985-07-19'],
    ['multipart', 'multipart/form-data; boundary=X', '--X\r\nContent-Disposition: form-data; name="givenName"\r\n\r\nRosa\r\n--X--\r\n'],
    ['XML', 'application/xml', '<person><givenName>Rosa</givenName></person>'],
  ])('a %s body is a 415 naming the Content-Type', async (_, contentType, body) => {
    const res = await expectFieldsRefused(t, () => t.http().post('/people').set('authorization', t.auth('calder-hub')).set('content-type', contentType).send(body), 415, 'input.unsupported-media-type', ['Content-Type']);
    expect(res.body.message).toMatch(/application\/json/);
  });

  it('nesting deeper than 32 is a 400 naming the field, not a stack overflow', async () => {
    const deep = `${'['.repeat(3_000)}${']'.repeat(3_000)}`;
    const res = await expectBadInput(t, raw('post', '/people', hub, `{"givenName":"Rosa","familyName":"Marsh","dateOfBirth":"1985-07-19","email":${deep}}`), [expect.stringMatching(/^email(\[0\])+$/) as unknown as string], 'input.too-deeply-nested');
    expect(res.body.message).toMatch(/more than 32 deep/);
    await t.http().get('/health').expect(200);
  });

  it('a lone surrogate is a 400 naming the field, in POST /people and PATCH /people/{id}', async () => {
    await expectBadInput(t, () => t.http().post('/people').set('authorization', hub()).send({ ...person, email: '\ud800' }), ['email']);
    const res = await expectBadInput(t, () => t.http().patch('/people/demo-person-1').set('authorization', hub()).send({ email: 'a\udc00@example.org' }), ['email']);
    expect(res.body.fields[0].rules[0]).toMatch(/lone UTF-16 surrogate/);
  });

  it('milestones:[null] is a 400 naming the list, in POST /contracts and in an amendment', async () => {
    const contract = { name: 'Null milestones', commissioner: 'Calderdale Council', period: { start: `${thisMonth()}-01`, end: '2099-12-31' }, milestones: [null], hubFee: { kind: 'share-of-member-claims', percent: 10 } };
    const res = await expectBadInput(t, () => t.http().post('/contracts').set('authorization', hub()).send(contract), ['milestones', 'milestones[0]']);
    expect(JSON.stringify(res.body.fields)).toMatch(/each of milestones must be an object/);
    const amendment = { effectiveFrom: `${thisMonth()}-01`, reason: 'null milestones', changes: { milestones: [null] } };
    await expectBadInput(t, () => t.http().post('/contracts/demo-contract/amendments').set('authorization', hub()).send(amendment), ['changes.milestones', 'changes.milestones[0]']);
  });

  describe('huge strings in arrays', () => {
    const huge = 'x'.repeat(10_001);
    it.each([
      ['POST /services needs', () => t.http().post('/services').set('authorization', works()).send({ ...service, needs: [huge] }), 'needs[0]'],
      ['PATCH /services/{id} needs', () => t.http().patch('/services/job-club').set('authorization', works()).send({ needs: ['employment', huge] }), 'needs[1]'],
      ['PATCH /services/{id} communities', () => t.http().patch('/services/job-club').set('authorization', works()).send({ communities: [huge] }), 'communities[0]'],
      ['PATCH /services/{id} localities', () => t.http().patch('/services/job-club').set('authorization', works()).send({ localities: [huge] }), 'localities[0]'],
      ['POST /referrals needs', () => t.http().post('/referrals').set('authorization', hub()).send({ personId: 'demo-person-1', needs: [huge] }), 'needs[0]'],
    ])('%s: a 10,001-character item is a 400 naming the item', async (_, send, field) => {
      const res = await expectBadInput(t, send, [field]);
      expect(res.body.message).toMatch(/at most 10000 characters/);
    });

    it.each([
      ['PATCH /services/{id} needs', () => t.http().patch('/services/job-club').set('authorization', works()).send({ needs: ['x'.repeat(51)] }), 'needs', /1–50 lower-case/],
      ['PATCH /services/{id} communities', () => t.http().patch('/services/job-club').set('authorization', works()).send({ communities: ['x'.repeat(51)] }), 'communities', /1–50 lower-case/],
      ['PATCH /services/{id} localities', () => t.http().patch('/services/job-club').set('authorization', works()).send({ localities: ['x'.repeat(61)] }), 'localities', /1–60 letters/],
      ['POST /referrals needs', () => t.http().post('/referrals').set('authorization', hub()).send({ personId: 'demo-person-1', needs: ['x'.repeat(51)] }), 'needs', /lower-case/],
    ])('%s: an item longer than a term or place may be is a 400 naming the list', async (_, send, field, words) => {
      const res = await expectBadInput(t, send, [field]);
      expect(res.body.message).toMatch(words);
    });

    it('the million-character term that once grew the feed to 12 MB is a 400 naming the item', async () => {
      await expectBadInput(t, () => t.http().patch('/services/job-club').set('authorization', works()).send({ needs: ['x'.repeat(1_000_000)] }), ['needs[0]']);
      const terms = await t.http().get('/openreferral/taxonomy_terms?per_page=100').expect(200);
      expect(JSON.stringify(terms.body)).not.toMatch(/x{51}/);
    });
  });

  it.each([
    ['a NUL in POST /people givenName', () => t.http().post('/people').set('authorization', hub()).send({ ...person, givenName: 'Ro\u0000sa' }), 'givenName'],
    ['an escape sequence in PATCH /people/{id} familyName', () => t.http().patch('/people/demo-person-1').set('authorization', hub()).send({ familyName: '\u001b[31mMarsh' }), 'familyName'],
    ['a C1 control in POST /referrals needs', () => t.http().post('/referrals').set('authorization', hub()).send({ personId: 'demo-person-1', needs: ['debt\u0085'] }), 'needs[0]'],
    ['a right-to-left override in PATCH /services/{id} description', () => t.http().patch('/services/job-club').set('authorization', works()).send({ description: 'free \u202eeerf' }), 'description'],
  ])('%s is a 400 naming the field', async (_, send, field) => {
    const res = await expectBadInput(t, send, [field]);
    expect(res.body.message).toMatch(/control characters|bidirectional/);
  });

  describe('money and capacity bounds', () => {
    const adjustment = () => ({ partnerId: 'calder-works', month: thisMonth(), reason: 'bounds' });
    it.each([[1e308], [-1e308], [2 ** 53], [MAX_PENCE + 1], [-MAX_PENCE - 1], [0.5]])('an adjustment of %d pence is a 400 naming amountPence', async (amountPence) => {
      const res = await expectBadInput(t, () => t.http().post('/contracts/demo-contract/adjustments').set('authorization', hub()).send({ ...adjustment(), amountPence }), ['amountPence']);
      expect(res.body.message).toMatch(/whole number of pence|from -1,000,000,000 to 1,000,000,000 pence/);
    });

    it.each([[1e308], [2 ** 53], [MAX_PENCE + 1], [0], [-1]])('a clawback of %d pence is a 400 naming amountPence', async (amountPence) => {
      await expectBadInput(t, () => t.http().post('/contracts/demo-contract/clawbacks').set('authorization', hub()).send({ ...adjustment(), amountPence }), ['amountPence']);
    });

    it('the largest adjustment either way is taken, and the claims stay exact integers', async () => {
      await t.http().post('/contracts/demo-contract/adjustments').set('authorization', hub()).send({ ...adjustment(), amountPence: MAX_PENCE }).expect(201);
      await t.http().post('/contracts/demo-contract/adjustments').set('authorization', hub()).send({ ...adjustment(), amountPence: -MAX_PENCE }).expect(201);
      const claims = await t.http().get('/insights/claims').set('authorization', hub()).expect(200);
      const pence: [string, unknown][] = [];
      JSON.stringify(claims.body, (key, value) => (key.endsWith('Pence') && pence.push([key, value]), value));
      expect(pence.length).toBeGreaterThan(0);
      expect(pence.filter(([, value]) => !Number.isSafeInteger(value))).toEqual([]);
      expect(claims.body.contracts[0].totals.adjustmentsPence).toBe(0);
    });

    it('a capacity maximum of 1e308 is a 400 naming maximum', async () => {
      const res = await expectBadInput(t, () => t.http().put('/services/job-club/capacity').set('authorization', works()).send({ available: 1, maximum: 1e308, unit: 'places' }), ['maximum']);
      expect(res.body.message).toMatch(/maximum must be from 0 to 1,000,000/);
    });
  });

  describe('If-Match', () => {
    it('* matches the current version: the write is taken', async () => {
      const head = await t.head();
      const res = await t.http().patch('/services/job-club').set('authorization', works()).set('if-match', '*').send({ description: 'Weekly job search support, any version' }).expect(200);
      expect(res.body.description).toBe('Weekly job search support, any version');
      expect(await t.head()).toBe(head + 1);
    });

    it.each([
      ['POST /people', () => t.http().post('/people').set('authorization', hub()).set('if-match', 'junk').send(person)],
      ['POST /services', () => t.http().post('/services').set('authorization', works()).set('if-match', '"v1"').send(service)],
      ['POST /referrals', () => t.http().post('/referrals').set('authorization', hub()).set('if-match', 'W/"x"').send({ personId: 'demo-person-1', needs: ['employment'] })],
      ['POST /contracts/{id}/adjustments', () => t.http().post('/contracts/demo-contract/adjustments').set('authorization', hub()).set('if-match', '1.5').send({ partnerId: 'calder-works', month: thisMonth(), reason: 'x', amountPence: 1 })],
    ])('junk If-Match on the create route %s is a 400 naming the header', async (_, send) => {
      await expectBadInput(t, send, ['If-Match'], 'input.if-match-invalid');
    });
  });

  it.each([
    ['POST /consortium/partners/{id}/leave', '/consortium/partners/carers-circle/leave', () => t.auth('calder-hub')],
    ['POST /services/{id}/withdraw', '/services/job-club/withdraw', () => t.auth('calder-works')],
  ])('a null body on %s is a 400, and the partner stays or the service stays listed', async (_, url, as) => {
    const res = await expectBadInput(t, raw('post', url, as, 'null'), ['(body)']);
    expect(res.body.message).toMatch(/must be a JSON object/);
  });

  it.each([['prototype'], ['__proto__'], ['constructor']])('a key named %s is a 400 naming it, like any unknown field', async (key) => {
    await expectBadInput(t, raw('post', '/people', hub, `{"givenName":"Rosa","familyName":"Marsh","dateOfBirth":"1985-07-19","${key}":{"isAdmin":true}}`), [key]);
    await expectBadInput(t, raw('patch', '/services/job-club', works, `{"eligibility":{"${key}":{"minimumAge":0}}}`), [`eligibility.${key}`]);
  });

  it('POST /consortium by a delivery partner is a 403, not already-formed', async () => {
    const res = await sendWritingNothing(t, () => t.http().post('/consortium').set('authorization', works()).send({ name: 'Takeover', structure: 'umbrella' }));
    expectOpaque(res, 403, 'consortium.only-manager-forms');
  });
});
