import BetterSqlite3 from 'better-sqlite3';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { OnedoorChild } from './support/onedoor-child';
import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';

/**
 * The first answer to a request with an Idempotency-Key is stored after its events commit, in another file.
 * Here the app is a real process that dies (kill -9) exactly in between; the retry goes to the restarted app.
 */
describe('a retry after the process died between commit and answer', () => {
  let dataDir: string;
  let t: OnedoorTestApp | undefined;
  let child: OnedoorChild | undefined;
  let hub: string;
  let works: string;

  beforeAll(async () => {
    const seeded = await startTestApp({ seedDemo: true });
    dataDir = seeded.dataDir;
    // Tokens are signed with the data directory's dev secret, so the child and every restart accept them.
    hub = seeded.auth('calder-hub');
    works = seeded.auth('calder-works');
    await seeded.http().post('/referrals').set('authorization', hub).send({ referralId: 'to-accept', personId: 'demo-person-1', needs: ['employment'], serviceId: 'job-club' }).expect(201);
    await seeded.close({ keepData: true });
  }, 120_000);

  afterEach(async () => {
    await child?.stop();
    await t?.close({ keepData: true });
    child = t = undefined;
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const storedAnswers = () => {
    const db = new BetterSqlite3(join(dataDir, 'requests.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT count(*) FROM idempotent_requests').pluck().get() as number;
    } finally {
      db.close();
    }
  };

  /** Starts the app as a process that dies the moment it would store an answer, sends `path` once, and waits for the death. */
  async function crashDuring(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<{ headBefore: number; answersBefore: number }> {
    child = new OnedoorChild({ DATA_DIR: dataDir, ONEDOOR_TEST_DIE_BEFORE_ANSWER_SAVED: '1' });
    await child.start();
    const health = (await (await fetch(`${child.url}/health`)).json()) as { eventStore: { headPosition: number } };
    const answersBefore = storedAnswers();
    const json = body === undefined ? {} : { headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
    const sent = fetch(`${child.url}${path}`, { method, headers, ...json });
    await expect(sent).rejects.toThrow(); // the connection dies with the process: the client never gets an answer
    expect(await child.ended).toEqual({ code: null, signal: 'SIGKILL' });
    child = undefined;
    return { headBefore: health.eventStore.headPosition, answersBefore };
  }

  async function restart(): Promise<OnedoorTestApp> {
    t = await startTestApp({ dataDir });
    return t;
  }

  it('a create: the retry writes nothing and answers with the referral the first attempt created', async () => {
    const body = { personId: 'demo-person-2', needs: ['debt'], serviceId: 'debt-advice', summary: 'Arrears since the spring' };
    const { headBefore, answersBefore } = await crashDuring('POST', '/referrals', { authorization: hub, 'idempotency-key': 'crash-create-1' }, body);
    const app = await restart();

    // The first attempt committed (created and routed), and its answer was never stored.
    const committed = await app.store.readAll(headBefore, 10);
    expect(committed.map((e) => e.type)).toEqual(['ReferralCreated', 'ReferralRouted']);
    expect(storedAnswers()).toBe(answersBefore);
    const referralId = committed[0].data.referralId as string;
    // The log names the request by hashes only: neither the key nor the token is in it.
    expect(JSON.stringify(committed.map((e) => e.metadata))).not.toMatch(/crash-create-1|Bearer|eyJ/);
    expect(committed[0].metadata).toMatchObject({ idempotencyId: expect.stringMatching(/^[0-9a-f]{64}$/), requestFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const head = await app.head();
    const retry = await app.http().post('/referrals').set('authorization', hub).set('idempotency-key', 'crash-create-1').send(body).expect(201);
    expect(retry.body).toMatchObject({ referralId, status: 'requested', personId: 'demo-person-2', receivingPartnerId: 'fair-money' });
    expect(retry.headers.location).toBe(`/referrals/${referralId}`);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await app.head()).toBe(head);

    // The rebuilt answer is now the stored one: the next retry is answered from requests.sqlite, identically.
    const again = await app.http().post('/referrals').set('authorization', hub).set('idempotency-key', 'crash-create-1').send(body).expect(201);
    expect(again.body).toEqual(retry.body);
    expect(again.headers.etag).toBe(retry.headers.etag);

    expect(await app.head()).toBe(head);
  }, 180_000);

  it('a different request under the key of a crashed attempt is refused (422), and nothing is written', async () => {
    const body = { personId: 'demo-person-2', needs: ['housing'], serviceId: 'debt-advice' };
    const { headBefore } = await crashDuring('POST', '/referrals', { authorization: hub, 'idempotency-key': 'crash-create-2' }, body);
    const app = await restart();
    const head = await app.head();
    expect(head).toBe(headBefore + 2);

    const reused = await app.http().post('/referrals').set('authorization', hub).set('idempotency-key', 'crash-create-2').send({ ...body, needs: ['employment'] }).expect(422);
    expect(reused.body).toMatchObject({ rule: 'idempotency.key-reused' });
    await app.http().post('/referrals').set('authorization', hub).set('idempotency-key', 'crash-create-2').send({ ...body, referralId: 'other-id' }).expect(422);
    expect(await app.head()).toBe(head);

    // The scope rule is kept: the same key from another caller is another request (here refused by access rules, writing nothing).
    const other = await app.http().post('/referrals').set('authorization', works).set('idempotency-key', 'crash-create-2').send(body);
    expect(other.status).not.toBe(422);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
  }, 180_000);

  it('an action with If-Match: the retry is not refused as stale by its own first write, and writes nothing', async () => {
    const { headBefore } = await crashDuring('POST', '/referrals/to-accept/accept', { authorization: works, 'idempotency-key': 'crash-accept', 'if-match': '"2"' });
    const app = await restart();
    expect((await app.store.readAll(headBefore, 10)).map((e) => [e.type, e.stream])).toEqual([['ReferralAccepted', expect.stringContaining('to-accept')]]);
    const head = await app.head();

    const retry = await app.http().post('/referrals/to-accept/accept').set('authorization', works).set('idempotency-key', 'crash-accept').set('if-match', '"2"').expect(200);
    expect(retry.body).toMatchObject({ referralId: 'to-accept', status: 'accepted' });
    expect(retry.headers.etag).toBe('"3"');
    expect(await app.head()).toBe(head);

    // Without the key the same stale If-Match is still a 409: only the retry of that request is excused.
    await app.http().post('/referrals/to-accept/accept').set('authorization', works).set('if-match', '"2"').expect(409);
  }, 180_000);

  it('a registration: the retry answers with the same person (no duplicate), and erasure still forgets the answer', async () => {
    const details = { givenName: 'Zebedee', familyName: 'Quartermain', dateOfBirth: '1979-09-09', postcode: 'HX2 7AA' };
    const { headBefore } = await crashDuring('POST', '/people', { authorization: hub, 'idempotency-key': 'crash-register' }, details);
    const app = await restart();
    const committed = await app.store.readAll(headBefore, 10);
    expect(committed.map((e) => e.type)).toEqual(['PersonRegistered']);
    const personId = committed[0].data.personId as string;
    const head = await app.head();

    const retry = await app.http().post('/people').set('authorization', hub).set('idempotency-key', 'crash-register').send(details).expect(201);
    expect(retry.body).toMatchObject({ personId, details: expect.objectContaining({ familyName: 'Quartermain' }) });
    expect(retry.headers.location).toBe(`/people/${personId}`);
    expect(await app.head()).toBe(head);

    const requestFiles = () => readdirSync(dataDir).filter((f) => f.startsWith('requests.sqlite')).map((f) => readFileSync(join(dataDir, f)));
    expect(requestFiles().some((bytes) => bytes.includes('Quartermain'))).toBe(true);
    await app.http().delete(`/people/${personId}`).set('authorization', hub).expect(200);
    expect(requestFiles().some((bytes) => bytes.includes('Quartermain'))).toBe(false);

    // A retry after the erasure still writes nothing, and its answer holds no personal data.
    const erasedHead = await app.head();
    const afterErasure = await app.http().post('/people').set('authorization', hub).set('idempotency-key', 'crash-register').send(details);
    expect(afterErasure.status).toBe(201);
    expect(afterErasure.body).toMatchObject({ personId, erased: true });
    expect(JSON.stringify(afterErasure.body)).not.toMatch(/Zebedee|Quartermain|HX2/);
    expect(await app.head()).toBe(erasedHead);
    expect(requestFiles().some((bytes) => bytes.includes('Quartermain'))).toBe(false);
  }, 180_000);
});

describe('what the log records of an idempotent request', () => {
  let t: OnedoorTestApp;
  beforeAll(async () => (t = await startTestApp({ seedDemo: true })), 120_000);
  afterAll(() => t.close());

  it("the request's own events carry its identity; a process reacting to them writes as nobody's request", async () => {
    const head = await t.head();
    await t.http().post('/consortium/partners/calder-works/leave').set('authorization', t.auth('calder-hub')).set('idempotency-key', 'works-leaves').send({ successorPartnerId: 'youth-forward' }).expect(200);
    let written = await t.store.readAll(head, 100);
    for (let i = 0; i < 100 && !written.some((e) => e.type === 'ReferralReassigned'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      written = await t.store.readAll(head, 100);
    }
    const left = written.filter((e) => e.type === 'PartnerLeft');
    const moved = written.filter((e) => e.type === 'ReferralReassigned');
    expect(left).toHaveLength(1);
    expect(moved.length).toBeGreaterThan(0);
    expect(left[0].metadata).toHaveProperty('idempotencyId');
    for (const event of moved) expect(event.metadata).not.toHaveProperty('idempotencyId');
  });
});
