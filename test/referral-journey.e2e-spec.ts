import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';

/** One person's journey through the front door, as staff would make it, over HTTP. */
describe('a referral journey through the single point of access', () => {
  let t: OnedoorTestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const hub = () => t.auth('hub');
  const works = () => t.auth('works');
  const minds = () => t.auth('minds');

  it('forms a consortium and admits partners (the first member founds it)', async () => {
    await t.http().post('/consortium').set('authorization', hub()).send({ name: 'Test Valley Consortium', structure: 'umbrella' }).expect(201);
    await t.http().post('/consortium/partners').set('authorization', hub()).send({ partnerId: 'hub', name: 'Hub', role: 'hub' }).expect(201);
    for (const [partnerId, name] of [['works', 'Works'], ['minds', 'Minds'], ['money', 'Money']]) {
      await t.http().post('/consortium/partners').set('authorization', hub()).send({ partnerId, name, role: 'delivery' }).expect(201);
    }
    const { body } = await t.http().get('/consortium').set('authorization', works()).expect(200);
    expect(body.consortium).toMatchObject({ name: 'Test Valley Consortium', structure: 'umbrella' });
    expect(body.partners.map((p: { partnerId: string }) => p.partnerId).sort()).toEqual(['hub', 'minds', 'money', 'works']);
  });

  it('partners list services in the shared directory', async () => {
    const job = { serviceId: 'job-club', name: 'Job club', description: 'Weekly', needs: ['employment'], localities: ['Halifax'], communities: [], eligibility: { minimumAge: 16 }, capacity: { available: 3, maximum: 10, unit: 'places' } };
    const res = await t.http().post('/services').set('authorization', works()).send(job).expect(201);
    expect(res.headers.location).toBe('/services/job-club');
    expect(res.body).toMatchObject({ serviceId: 'job-club', partnerId: 'works', status: 'active' });
    await t.http().post('/services').set('authorization', minds()).send({ ...job, serviceId: 'talking', name: 'Talking therapies', needs: ['mental-health'] }).expect(201);
    const { body } = await t.http().get('/services?need=employment').set('authorization', minds()).expect(200);
    expect(body.items.map((s: { serviceId: string }) => s.serviceId)).toEqual(['job-club']);
  });

  let personId: string;
  it('registers a person at the front door, with a duplicate check', async () => {
    const person = { givenName: 'Amira', familyName: 'Khan', dateOfBirth: '1990-05-04', postcode: 'HX1 1AA', preferredContactMethod: 'phone', preferredLanguage: 'ur' };
    const res = await t.http().post('/people').set('authorization', hub()).send(person).expect(201);
    personId = res.body.personId;
    expect(res.body.details).toMatchObject(person);

    const headBefore = await t.head();
    const dup = await t.http().post('/people').set('authorization', hub()).send({ ...person, givenName: ' amira ' }).expect(409);
    expect(dup.body).toMatchObject({ rule: 'person.possible-duplicate', details: { possibleDuplicateIds: [personId] } });
    expect(await t.head()).toBe(headBefore);
    const check = await t.http().get('/people/duplicates').query({ givenName: 'AMIRA', familyName: 'khan', dateOfBirth: '1990-05-04' }).set('authorization', hub()).expect(200);
    expect(check.body.possibleDuplicateIds).toEqual([personId]);
    await t.http().post('/people').set('authorization', hub()).send({ ...person, confirmedNotDuplicate: true }).expect(201);
  });

  let referralId: string;
  it('cannot route without consent covering the receiving partner', async () => {
    const headBefore = await t.head();
    const res = await t.http().post('/referrals').set('authorization', hub()).send({ personId, needs: ['employment'], serviceId: 'job-club' }).expect(422);
    expect(res.body).toMatchObject({ rule: 'referral.consent-required' });
    expect(await t.head()).toBe(headBefore);
  });

  it('records consent for named partners, then creates and routes the referral', async () => {
    await t.http().post(`/people/${personId}/consents`).set('authorization', hub()).send({ scope: 'partners', partnerIds: ['works'], purposes: ['referral', 'case-management'] }).expect(201);
    const res = await t.http().post('/referrals').set('authorization', hub()).send({ personId, needs: ['employment'], serviceId: 'job-club', summary: 'Lost job in March; wants warehouse work' }).expect(201);
    referralId = res.body.referralId;
    expect(res.body).toMatchObject({ status: 'requested', referringPartnerId: 'hub', receivingPartnerId: 'works', serviceId: 'job-club', overdue: false, summary: 'Lost job in March; wants warehouse work' });
    expect(res.headers.etag).toBe('"2"');
  });

  it('shows on the receiving partner worklist as incoming, and goes overdue after its due date', async () => {
    let { body } = await t.http().get('/partners/works/worklist').set('authorization', works()).expect(200);
    expect(body.incoming.map((i: { referralId: string }) => i.referralId)).toEqual([referralId]);
    expect(body.byStatus.requested).toBe(1);
    t.setNow(new Date(Date.now() + 6 * 86_400_000).toISOString());
    ({ body } = await t.http().get('/partners/works/worklist?overdue=true').set('authorization', works()).expect(200));
    expect(body.overdue.map((i: { referralId: string }) => i.referralId)).toEqual([referralId]);
    t.setNow(undefined);
  });

  it('the receiving partner accepts and records support; the first support starts the work', async () => {
    await t.http().post(`/referrals/${referralId}/accept`).set('authorization', works()).set('if-match', '"2"').expect(200);
    const res = await t.http().post(`/referrals/${referralId}/interactions`).set('authorization', works()).send({ kind: 'one-to-one', occurredOn: new Date().toISOString().slice(0, 10), notes: 'CV drafted together' }).expect(201);
    expect(res.body.status).toBe('in-progress');
    expect(res.body.interactions[0]).toMatchObject({ kind: 'one-to-one', notes: 'CV drafted together' });
    await t.http().post(`/referrals/${referralId}/interactions`).set('authorization', works()).send({ kind: 'attendance', occurredOn: new Date().toISOString().slice(0, 10) }).expect(201);
  });

  it('an illegal transition is refused naming the rule, and nothing is written', async () => {
    const headBefore = await t.head();
    const res = await t.http().post(`/referrals/${referralId}/accept`).set('authorization', works()).expect(409);
    expect(res.body).toMatchObject({ rule: 'referral.transition-not-allowed', details: { from: 'in-progress', to: 'accepted' } });
    expect(await t.head()).toBe(headBefore);
  });

  it('a handoff to a partner outside the consent is refused; with consent it moves the work', async () => {
    await t.http().post(`/referrals/${referralId}/handoff`).set('authorization', works()).send({ serviceId: 'talking', reason: 'anxiety is the barrier to work' }).expect(422);
    await t.http().post(`/people/${personId}/consents`).set('authorization', works()).send({ scope: 'partners', partnerIds: ['minds'], purposes: ['referral'] }).expect(201);
    const res = await t.http().post(`/referrals/${referralId}/handoff`).set('authorization', works()).send({ serviceId: 'talking', reason: 'anxiety is the barrier to work' }).expect(200);
    expect(res.body).toMatchObject({ status: 'in-progress', receivingPartnerId: 'minds', serviceId: 'talking' });
  });

  it('the new partner completes with an outcome; completing needs one', async () => {
    await t.http().post(`/referrals/${referralId}/complete`).set('authorization', minds()).send({}).expect(400);
    const res = await t.http().post(`/referrals/${referralId}/complete`).set('authorization', minds()).send({ outcome: { code: 'need-met', enteredWork: true, workStartedOn: '2026-06-01' } }).expect(200);
    expect(res.body).toMatchObject({ status: 'completed', outcome: { code: 'need-met', enteredWork: true } });
  });

  it("the referral's full history says who did what, when, with no personal data", async () => {
    const { body } = await t.http().get(`/referrals/${referralId}/history`).set('authorization', t.auth('works')).expect(200);
    expect(body.history.map((h: { type: string }) => h.type)).toEqual([
      'ReferralCreated', 'ReferralRouted', 'ReferralAccepted', 'ReferralStarted', 'InteractionRecorded', 'InteractionRecorded', 'ReferralHandedOff', 'ReferralCompleted',
    ]);
    expect(body.history[2]).toMatchObject({ by: { partnerId: 'works', staffId: 'staff-works' } });
    expect(JSON.stringify(body)).not.toMatch(/Amira|CV drafted|warehouse/);
  });

  it("the person's timeline shows what the caller's partner may see", async () => {
    const { body } = await t.http().get(`/people/${personId}/timeline`).set('authorization', minds()).expect(200);
    const kinds = body.entries.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['registered', 'consent-given', 'referral', 'interaction']));
    expect(body.entries.find((e: { notes?: string }) => e.notes === 'CV drafted together')).toBeDefined();
    // Money has no consent and took no part: it learns nothing.
    const denied = await t.http().get(`/people/${personId}/timeline`).set('authorization', t.auth('money')).expect(403);
    expect(Object.keys(denied.body).sort()).toEqual(['error', 'message', 'rule', 'statusCode']);
  });

  it('the hub sees the referral it manages; an uninvolved partner gets a 403 that leaks nothing', async () => {
    await t.http().get(`/referrals/${referralId}`).set('authorization', hub()).expect(200);
    const res = await t.http().get(`/referrals/${referralId}`).set('authorization', t.auth('money')).expect(403);
    expect(JSON.stringify(res.body)).not.toMatch(/completed|minds|works|Amira/);
    await t.http().post(`/referrals/${referralId}/cancel`).set('authorization', t.auth('money')).send({ reason: { code: 'duplicate' } }).expect(403);
  });

  it('a rejected referral is re-routed from the contact point to another service', async () => {
    await t.http().post(`/people/${personId}/consents`).set('authorization', hub()).send({ scope: 'consortium', purposes: ['referral'] }).expect(201);
    const created = await t.http().post('/referrals').set('authorization', hub()).send({ personId, needs: ['mental-health'], serviceId: 'talking' }).expect(201);
    const id = created.body.referralId;
    await t.http().post(`/referrals/${id}/reject`).set('authorization', minds()).send({ reason: { code: 'no-capacity' } }).expect(200);
    await t.http().post(`/referrals/${id}/route`).set('authorization', hub()).send({ serviceId: 'talking' }).expect(422);
    const rerouted = await t.http().post(`/referrals/${id}/route`).set('authorization', hub()).send({ serviceId: 'job-club' }).expect(200);
    expect(rerouted.body).toMatchObject({ status: 'requested', receivingPartnerId: 'works' });
  });
});
