import { Pool } from 'pg';
import { dropSchema, freshSchemaName, testDatabaseConfig } from '@onedoor/event-store/testing/postgres-test-schema';
import { ProjectionRunner } from '@onedoor/projections';
import { OnedoorChild } from './support/onedoor-child';
import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';

const { host, port, user, database } = testDatabaseConfig();
const DATABASE_URL = `postgres://${user}@${host}:${port}/${database}`;

/**
 * The all-in-one app with EVENT_STORE=postgres: two instances on one fresh schema, as a load balancer would
 * spread requests over them. Each has its own (temporary) data directory, so nothing is shared through files;
 * they share AUTH_SECRET so either accepts the other's tokens.
 */
describe('OneDoor on PostgreSQL, two instances on one schema', () => {
  const schema = freshSchemaName();
  const env = { EVENT_STORE: 'postgres', DATABASE_URL, DATABASE_SCHEMA: schema, AUTH_SECRET: 'a-secret-both-instances-share-32-chars-at-least' };
  const sql = new Pool(testDatabaseConfig({ max: 1 }));
  const count = async (query: string, values: unknown[] = []) => (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.${query}`, values)).rows[0].n;
  let a: OnedoorTestApp;
  let b: OnedoorTestApp;
  const started: OnedoorTestApp[] = [];
  const start = async () => {
    const t = await startTestApp({ env });
    started.push(t);
    return t;
  };
  /** Resolves once `reader` has applied everything `writer` committed: a read there then sees the write. */
  const caughtUp = async (reader: OnedoorTestApp, writer: OnedoorTestApp) => reader.app.get(ProjectionRunner).waitFor(await writer.head());

  beforeAll(async () => {
    a = await start();
    b = await start();
  }, 120_000);
  afterAll(async () => {
    for (const t of started) await t.close().catch(() => undefined);
    await sql.end();
    await dropSchema(schema);
  });

  const zeb = { givenName: 'Zebedee', familyName: 'Quartermain', dateOfBirth: '1979-09-09', postcode: 'HX2 7AA' };
  let personId: string;
  let referralId: string;

  it('keeps the log, keys and answers in the schema, and health says so', async () => {
    const health = await a.http().get('/health').expect(200);
    expect(health.body.components.storage).toMatchObject({ status: 'ok', detail: `postgres schema ${schema}` });
    const { rows } = await sql.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name', [schema]);
    expect(rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['event_log_head', 'events', 'idempotent_requests', 'person_keys']));
  });

  it('a consortium formed on one instance is read on the other', async () => {
    await a.http().post('/consortium').set('authorization', a.auth('hub')).send({ name: 'Two Instance Consortium', structure: 'umbrella' }).expect(201);
    await a.http().post('/consortium/partners').set('authorization', a.auth('hub')).send({ partnerId: 'hub', name: 'Hub', role: 'hub' }).expect(201);
    await b.http().post('/consortium/partners').set('authorization', b.auth('hub')).send({ partnerId: 'works', name: 'Works', role: 'delivery' }).expect(201);
    const job = { serviceId: 'job-club', name: 'Job club', description: 'Weekly', needs: ['employment'], localities: ['Halifax'], communities: [], eligibility: { minimumAge: 16 }, capacity: { available: 3, maximum: 10, unit: 'places' } };
    await a.http().post('/services').set('authorization', a.auth('works')).send(job).expect(201);
    for (const [reader, writer] of [[b, a], [a, b]]) {
      await caughtUp(reader, writer);
      const { body } = await reader.http().get('/consortium').set('authorization', reader.auth('works')).expect(200);
      expect(body.partners.map((p: { partnerId: string }) => p.partnerId).sort()).toEqual(['hub', 'works']);
    }
  });

  it("a person registered on one instance is readable on the other, though the key was made there", async () => {
    const res = await b.http().post('/people').set('authorization', b.auth('hub')).send(zeb).expect(201);
    personId = res.body.personId;
    await b.http().post(`/people/${personId}/consents`).set('authorization', b.auth('hub')).send({ scope: 'consortium', purposes: ['referral', 'case-management'] }).expect(201);
    await caughtUp(a, b);
    const person = await a.http().get(`/people/${personId}`).set('authorization', a.auth('hub')).expect(200);
    expect(person.body).toMatchObject({ personId, erased: false, details: zeb });
    expect(await count('events WHERE data::text LIKE $1', ['%Quartermain%'])).toBe(0);
  });

  it('a referral created on one instance is accepted on the other and read back on the first', async () => {
    const created = await a.http().post('/referrals').set('authorization', a.auth('hub')).send({ personId, needs: ['employment'], serviceId: 'job-club', summary: 'Zebedee lost his job at the mill' }).expect(201);
    referralId = created.body.referralId;
    await caughtUp(b, a);
    await b.http().post(`/referrals/${referralId}/accept`).set('authorization', b.auth('works')).set('if-match', '"2"').expect(200);
    await caughtUp(a, b);
    const { body } = await a.http().get(`/referrals/${referralId}`).set('authorization', a.auth('works')).expect(200);
    expect(body).toMatchObject({ status: 'accepted', receivingPartnerId: 'works', summary: 'Zebedee lost his job at the mill' });
  });

  it('two instances taking conflicting moves on one referral: one wins, the other gets 409', async () => {
    await caughtUp(b, a);
    const moves = await Promise.all([
      a.http().post(`/referrals/${referralId}/hold`).set('authorization', a.auth('works')).set('if-match', '"3"').send({ reason: { code: 'other', text: 'from a' } }),
      b.http().post(`/referrals/${referralId}/hold`).set('authorization', b.auth('works')).set('if-match', '"3"').send({ reason: { code: 'other', text: 'from b' } }),
    ]);
    expect(moves.map((m) => m.status).sort()).toEqual([200, 409]);
  });

  it('a retry with the same Idempotency-Key on the other instance gets the first answer and writes nothing', async () => {
    const request = { personId, needs: ['employment'], serviceId: 'job-club' };
    // A retry resends the very same request, credentials included: keys are scoped to them.
    const hub = a.auth('hub');
    const first = await a.http().post('/referrals').set('authorization', hub).set('idempotency-key', 'retry-1').send(request).expect(201);
    const head = await a.head();
    const retry = await b.http().post('/referrals').set('authorization', hub).set('idempotency-key', 'retry-1').send(request).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    const reused = await b.http().post('/referrals').set('authorization', hub).set('idempotency-key', 'retry-1').send({ ...request, needs: ['debt'] }).expect(422);
    expect(reused.body).toMatchObject({ rule: 'idempotency.key-reused' });
    expect(await b.head()).toBe(head);
    expect(await count('idempotent_requests')).toBe(1);
  });

  it('erasing on one instance makes the data unreadable on the other, and forgets the stored answers about the person', async () => {
    await a.http().post(`/people/${personId}/consents`).set('authorization', a.auth('hub')).set('idempotency-key', 'consent-zeb').send({ scope: 'partners', partnerIds: ['works'], purposes: ['research'] }).expect(201);
    expect(await count('idempotent_requests WHERE body LIKE $1', ['%Quartermain%'])).toBeGreaterThan(0);
    await caughtUp(b, a);
    expect((await b.http().get(`/people/${personId}`).set('authorization', b.auth('hub')).expect(200)).body.details).toEqual(zeb);

    await a.http().delete(`/people/${personId}`).set('authorization', a.auth('hub')).expect(200);
    expect(await count('person_keys WHERE person_id = $1', [personId])).toBe(0);
    expect(await count('idempotent_requests WHERE body LIKE $1', ['%Quartermain%'])).toBe(0);
    await caughtUp(b, a);
    for (const t of [a, b]) {
      const person = await t.http().get(`/people/${personId}`).set('authorization', t.auth('hub')).expect(200);
      expect(person.body).toMatchObject({ personId, erased: true, details: '[erased]' });
      const referral = await t.http().get(`/referrals/${referralId}`).set('authorization', t.auth('works')).expect(200);
      expect(referral.body).toMatchObject({ person: '[erased]', summary: '[erased]', needs: ['employment'] });
    }
    // The id is known (erased): registering it again is refused on either instance, and no key is made.
    await b.http().post('/people').set('authorization', b.auth('hub')).send({ ...zeb, personId }).expect(409);
    expect(await count('person_keys WHERE person_id = $1', [personId])).toBe(0);
  });

  it('after both stop, a new instance reads everything back from the schema', async () => {
    const talking = { serviceId: 'talking', name: 'Talking therapies', description: 'Weekly', needs: ['mental-health'], localities: ['Halifax'], communities: [], eligibility: {}, capacity: { available: 2, maximum: 5, unit: 'places' } };
    const works = a.auth('works');
    const listed = await a.http().post('/services').set('authorization', works).set('idempotency-key', 'svc-1').send(talking).expect(201);
    const head = await a.head();
    for (const t of started.splice(0)) await t.close();
    const c = await start();
    expect(await c.head()).toBe(head);
    const { body } = await c.http().get('/consortium').set('authorization', c.auth('hub')).expect(200);
    expect(body.consortium).toMatchObject({ name: 'Two Instance Consortium' });
    const referral = await c.http().get(`/referrals/${referralId}`).set('authorization', c.auth('works')).expect(200);
    expect(referral.body).toMatchObject({ status: 'on-hold', summary: '[erased]' });
    expect((await c.http().get(`/people/${personId}`).set('authorization', c.auth('hub')).expect(200)).body).toMatchObject({ erased: true, details: '[erased]' });
    // The answers about the erased person were forgotten; this one names no person and is still stored.
    const retry = await c.http().post('/services').set('authorization', works).set('idempotency-key', 'svc-1').send(talking).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(listed.body);
    expect(await c.head()).toBe(head);
  }, 120_000);
});

describe('OneDoor on PostgreSQL that cannot be reached', () => {
  let child: OnedoorChild | undefined;
  afterEach(() => child?.stop());

  it('stops at start with one clear line naming the server, the password hidden, and no stack trace', async () => {
    child = new OnedoorChild({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://postgres:hunter2@127.0.0.1:1/test', LOG_FORMAT: 'text' });
    const failure = await child.start().then(() => undefined, (error: Error) => error.message);
    expect(failure).toContain('exited during start');
    expect(failure).toContain('OneDoor cannot start: cannot open the event store in PostgreSQL at postgres://postgres:***@127.0.0.1:1/test (schema onedoor): connect ECONNREFUSED');
    expect(failure).not.toContain('hunter2');
    expect(failure).not.toMatch(/\n\s+at /);
    expect(await child.ended).toEqual({ code: 1, signal: null });
  }, 120_000);
});
