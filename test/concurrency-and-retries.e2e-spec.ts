import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';

/** Concurrent edits (If-Match, ETag) and retried requests (Idempotency-Key). */
describe('concurrent edits and retried requests', () => {
  let t: OnedoorTestApp;
  const hub = () => t.auth('calder-hub');
  const works = () => t.auth('calder-works');

  beforeAll(async () => (t = await startTestApp({ seedDemo: true })));
  afterAll(() => t.close());

  const newReferral = async () => {
    const res = await t.http().post('/referrals').set('authorization', hub()).send({ personId: 'demo-person-1', needs: ['employment'], serviceId: 'job-club' }).expect(201);
    return res.body.referralId as string;
  };

  it('a stale If-Match is a 409 naming the current version, and nothing is written', async () => {
    const id = await newReferral();
    const { headers } = await t.http().get(`/referrals/${id}`).set('authorization', works()).expect(200);
    expect(headers.etag).toBe('"2"');
    await t.http().post(`/referrals/${id}/accept`).set('authorization', works()).set('if-match', headers.etag).expect(200);
    const head = await t.head();
    const res = await t.http().post(`/referrals/${id}/hold`).set('authorization', works()).set('if-match', headers.etag).send({ reason: { code: 'could-not-contact' } }).expect(409);
    expect(res.body).toMatchObject({ rule: 'concurrency.stale-version', details: { currentVersion: 3 } });
    expect(await t.head()).toBe(head);
  });

  it('of two concurrent edits with the same If-Match, exactly one wins', async () => {
    const id = await newReferral();
    const [a, b] = await Promise.all([
      t.http().post(`/referrals/${id}/accept`).set('authorization', works()).set('if-match', '"2"'),
      t.http().post(`/referrals/${id}/reject`).set('authorization', works()).set('if-match', '"2"').send({ reason: { code: 'no-capacity' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it('a repeated Idempotency-Key returns the first answer and writes nothing', async () => {
    const body = { personId: 'demo-person-2', needs: ['debt'], serviceId: 'debt-advice' };
    const first = await t.http().post('/referrals').set('authorization', hub()).set('idempotency-key', 'create-42').send(body).expect(201);
    const head = await t.head();
    const again = await t.http().post('/referrals').set('authorization', hub()).set('idempotency-key', 'create-42').send(body).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers.location).toBe(first.headers.location);
    expect(await t.head()).toBe(head);
  });

  it('a rejection is replayed too, and the key cannot be reused for a different request', async () => {
    const bad = await t.http().post('/referrals').set('authorization', hub()).set('idempotency-key', 'k-2').send({ personId: 'nobody', needs: ['x'] }).expect(404);
    const again = await t.http().post('/referrals').set('authorization', hub()).set('idempotency-key', 'k-2').send({ personId: 'nobody', needs: ['x'] }).expect(404);
    expect(again.body).toEqual(bad.body);
    const reused = await t.http().post('/referrals').set('authorization', hub()).set('idempotency-key', 'k-2').send({ personId: 'demo-person-2', needs: ['x'] }).expect(422);
    expect(reused.body.rule).toBe('idempotency.key-reused');
  });

  it('keys are scoped to the caller: the same key from another partner is a new request', async () => {
    const id = await newReferral();
    await t.http().post(`/referrals/${id}/accept`).set('authorization', works()).set('idempotency-key', 'shared').expect(200);
    const other = await t.http().post(`/referrals/${id}/cancel`).set('authorization', hub()).set('idempotency-key', 'shared').send({ reason: { code: 'declined-by-person' } }).expect(200);
    expect(other.body.status).toBe('cancelled');
  });

  it('a request without a token is a 401 whatever its Idempotency-Key', async () => {
    const res = await t.http().post('/referrals').set('idempotency-key', 'not a valid key!').send({}).expect(401);
    expect(res.body.rule).toBe('auth.token-missing');
  });

  it('concurrent retries of one create write it once', async () => {
    const body = { personId: 'demo-person-1', needs: ['employment'], serviceId: 'job-club', referralId: 'retry-storm' };
    const head = await t.head();
    const results = await Promise.all(Array.from({ length: 5 }, () => t.http().post('/referrals').set('authorization', hub()).set('idempotency-key', 'storm').send(body)));
    const codes = results.map((r) => r.status);
    expect(codes.filter((c) => c === 201).length).toBeGreaterThanOrEqual(1);
    expect(codes.every((c) => c === 201 || c === 409)).toBe(true);
    expect(await t.head()).toBe(head + 2); // ReferralCreated + ReferralRouted, once
  });
});
