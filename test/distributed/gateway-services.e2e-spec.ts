import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { dropSchema, freshSchemaName } from '@onedoor/event-store/testing/postgres-test-schema';
import { freePort } from '../support/free-port';
import { LiveListener } from '../support/live-listener';
import { OnedoorTestApp, startTestApp } from '../support/onedoor-test-app';
import { ServiceChild } from '../support/service-child';

jest.setTimeout(120_000);

/**
 * OneDoor as separate processes: the referrals, directory, insights and relay services and the gateway, each its
 * own node process on its own port, over one store: one SQLite data directory, then PostgreSQL (EVENT_STORE=postgres,
 * in a schema of their own, dropped after). Everything below goes through the gateway only, as the console and
 * partners' systems would.
 */
describe.each(['sqlite', 'postgres'] as const)('separate services behind the gateway, over %s', (eventStore) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'onedoor-services-'));
  const store: Record<string, string> =
    eventStore === 'postgres'
      ? { EVENT_STORE: 'postgres', DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test', DATABASE_SCHEMA: freshSchemaName() }
      : {};
  // One secret for all: each service checks the tokens the gateway issues.
  const shared = { DATA_DIR: dataDir, AUTH_MODE: 'dev', AUTH_SECRET: 'gateway-services-e2e-secret-of-32-chars!', ...store };
  const services = {
    referrals: new ServiceChild('apps/referrals/src/main.ts', shared, '/docs-json'),
    directory: new ServiceChild('apps/directory/src/main.ts', shared, '/docs-json'),
    insights: new ServiceChild('apps/insights/src/main.ts', shared, '/docs-json'),
    relay: new ServiceChild('apps/relay/src/relay-service.ts', shared, '/docs-json'),
  };
  let gateway: ServiceChild;
  let allInOne: OnedoorTestApp;
  const gw = () => request(gateway.url);
  const tokens: Record<string, string> = {};
  const as = (partnerId: string) => `Bearer ${tokens[partnerId]}`;
  const head = async () => (await gw().get('/health').expect(200)).body.eventStore.headPosition as number;

  beforeAll(async () => {
    // The first one creates the store's files or tables; the others then start together.
    await services.referrals.start();
    await Promise.all([services.directory.start(), services.insights.start(), services.relay.start()]);
    gateway = new ServiceChild('apps/gateway/src/main.ts', {
      ...shared,
      REFERRALS_URL: services.referrals.url,
      DIRECTORY_URL: services.directory.url,
      INSIGHTS_URL: services.insights.url,
      RELAY_URL: services.relay.url,
      GATEWAY_TIMEOUT_MS: '20000',
    });
    await gateway.start();
    allInOne = await startTestApp({ seedDemo: true });
  }, 300_000);

  afterAll(async () => {
    await gateway?.stop();
    await Promise.all(Object.values(services).map((s) => s.stop()));
    await allInOne?.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (store.DATABASE_SCHEMA) await dropSchema(store.DATABASE_SCHEMA);
  });

  const outputs = () => [gateway, ...Object.values(services)].map((s) => `--- ${s.entry}\n${s.lastOutput()}`).join('\n');

  it('serves the console page and issues dev tokens', async () => {
    const page = await gw().get('/').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toMatch(/<title>OneDoor/);
    expect(page.text).toBe((await allInOne.http().get('/').expect(200)).text);
    for (const partnerId of ['hub', 'works', 'minds']) {
      tokens[partnerId] = (await gw().post('/auth/dev-token').send({ partnerId }).expect(201)).body.token;
    }
    const bad = await gw().post('/auth/dev-token').send({ partnerId: '' }).expect(400);
    expect(bad.body.fields).toEqual([expect.objectContaining({ field: 'partnerId' })]);
  });

  it('forms the consortium and lists services (referrals), which the directory then finds', async () => {
    await gw().post('/consortium').set('authorization', as('hub')).send({ name: 'Split Valley Consortium', structure: 'umbrella' }).expect(201);
    await gw().post('/consortium/partners').set('authorization', as('hub')).send({ partnerId: 'hub', name: 'Hub', role: 'hub' }).expect(201);
    for (const [partnerId, name] of [['works', 'Works'], ['minds', 'Minds']]) {
      await gw().post('/consortium/partners').set('authorization', as('hub')).send({ partnerId, name, role: 'delivery' }).expect(201);
    }
    const job = { serviceId: 'job-club', name: 'Job club', description: 'Weekly', needs: ['employment'], localities: ['Halifax'], communities: [], eligibility: { minimumAge: 16 }, capacity: { available: 3, maximum: 10, unit: 'places' } };
    const listed = await gw().post('/services').set('authorization', as('works')).send(job).expect(201);
    expect(listed.headers.location).toBe('/services/job-club');
    // The directory is another process: it answers once it has read what the referrals service committed.
    const search = await gw().get('/directory/search?need=employment').set('authorization', as('minds')).expect(200);
    expect(search.body.results.map((r: { serviceId: string }) => r.serviceId)).toEqual(['job-club']);
    const open = await gw().get('/openreferral/services').expect(200);
    expect(open.headers['access-control-allow-origin']).toBe('*');
    expect(open.body.contents.map((s: { name: string }) => s.name)).toEqual(['Job club']);
    expect((await gw().options('/openreferral/services').set('access-control-request-headers', 'accept').expect(204)).headers['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
  });

  let personId: string;
  let referralId: string;
  const live: LiveListener[] = [];
  afterAll(() => live.forEach((l) => l.close()));

  it('registers a person with consent and refers them; the receiving partner sees it on its worklist and live stream (gateway)', async () => {
    const listener = new LiveListener(gateway.port, as('works'));
    live.push(listener);
    expect(await listener.open()).toBe(200);
    const person = await gw().post('/people').set('authorization', as('hub')).send({ givenName: 'Amira', familyName: 'Khan', dateOfBirth: '1990-05-04', postcode: 'HX1 1AA' }).expect(201);
    personId = person.body.personId;
    await gw().post(`/people/${personId}/consents`).set('authorization', as('hub')).send({ scope: 'partners', partnerIds: ['works'], purposes: ['referral', 'case-management'] }).expect(201);
    const created = await gw().post('/referrals').set('authorization', as('hub')).send({ personId, needs: ['employment'], serviceId: 'job-club', summary: 'Wants warehouse work' }).expect(201);
    referralId = created.body.referralId;
    expect(created.headers.etag).toBe('"2"');
    expect(created.body).toMatchObject({ status: 'requested', receivingPartnerId: 'works' });
    const worklist = await gw().get('/partners/works/worklist').set('authorization', as('works')).expect(200);
    expect(worklist.body.incoming.map((i: { referralId: string }) => i.referralId)).toEqual([referralId]);
    await listener.until((n) => n.referralId === referralId && n.status === 'requested');
  });

  it('the receiver accepts with If-Match (a stale version is refused), and a repeated Idempotency-Key returns the first answer', async () => {
    const stale = await gw().post(`/referrals/${referralId}/accept`).set('authorization', as('works')).set('if-match', '"1"').expect(409);
    expect(stale.body).toMatchObject({ rule: 'concurrency.stale-version', details: { currentVersion: 2 } });
    const accepted = await gw().post(`/referrals/${referralId}/accept`).set('authorization', as('works')).set('if-match', '"2"').expect(200);
    expect(accepted.body.status).toBe('accepted');
    expect(accepted.headers.etag).toBe('"3"');
    const support = { kind: 'one-to-one', occurredOn: new Date().toISOString().slice(0, 10), notes: 'CV drafted together' };
    const first = await gw().post(`/referrals/${referralId}/interactions`).set('authorization', as('works')).set('idempotency-key', 'support-1').send(support).expect(201);
    const headBefore = await head();
    const again = await gw().post(`/referrals/${referralId}/interactions`).set('authorization', as('works')).set('idempotency-key', 'support-1').send(support).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await head()).toBe(headBefore);
  });

  it('insights answers from the same log (insights service)', async () => {
    const funnel = await gw().get('/insights/funnel').set('authorization', as('hub')).expect(200);
    expect(funnel.body.total).toMatchObject({ received: 1, accepted: 1, firstInteraction: 1 });
  });

  it("the partner's pull feed shows the events, and the AsyncAPI document is served (relay service)", async () => {
    const feed = await gw().get('/partners/works/events').query({ after: 0, limit: 100 }).set('authorization', as('works')).expect(200);
    const types = feed.body.items.map((i: { event: { type: string } }) => i.event.type.replace(/^org\.onedoor\./, '').replace(/\.v1$/, ''));
    expect(types).toEqual(expect.arrayContaining(['referral.routed', 'referral.accepted', 'referral.started', 'referral.interaction-recorded']));
    expect((await gw().get('/asyncapi.json').expect(200)).body.asyncapi).toMatch(/^3\./);
  });

  it('a bad request gets the same 400 problem body as the all-in-one, and nothing is written', async () => {
    const bad = { personId: 42, needs: 'employment', serviceId: 'job-club', surprise: true };
    const headBefore = await head();
    const viaGateway = await gw().post('/referrals').set('authorization', as('hub')).send(bad).expect(400);
    const viaAllInOne = await allInOne.http().post('/referrals').set('authorization', allInOne.auth('youth-forward')).send(bad).expect(400);
    expect(viaGateway.body).toEqual(viaAllInOne.body);
    expect(viaGateway.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['needs', 'personId', 'surprise']);
    expect(viaGateway.headers['content-type']).toBe(viaAllInOne.headers['content-type']);
    expect(await head()).toBe(headBefore);
    const unauthenticated = await gw().get(`/referrals/${referralId}`).expect(401);
    expect(unauthenticated.body).toEqual((await allInOne.http().get(`/referrals/${referralId}`).expect(401)).body);
  });

  it('a stopped service: the gateway answers 503 naming it at once, the others keep serving; started again, it catches up', async () => {
    await services.directory.stop();
    const down = await gw().get('/directory/search?need=employment').set('authorization', as('minds')).expect(503);
    expect(down.body).toMatchObject({ statusCode: 503, rule: 'gateway.service-unavailable', details: { service: 'directory' } });
    expect((await gw().get('/openreferral/services').expect(503)).body.details.service).toBe('directory');
    // The rest of the system keeps working, writes included.
    await gw().get(`/referrals/${referralId}`).set('authorization', as('works')).expect(200);
    await gw().post('/services').set('authorization', as('minds')).send({ serviceId: 'talking', name: 'Talking therapies', description: 'Weekly', needs: ['mental-health'], localities: ['Halifax'], communities: [], eligibility: {}, capacity: { available: 2, maximum: 5, unit: 'places' } }).expect(201);
    await gw().get('/insights/funnel').set('authorization', as('hub')).expect(200);
    await gw().get('/partners/works/worklist').set('authorization', as('works')).expect(200);

    await services.directory.start(services.directory.port);
    const back = await gw().get('/directory/search?need=mental-health').set('authorization', as('works')).expect(200);
    expect(back.body.results.map((r: { serviceId: string }) => r.serviceId)).toEqual(['talking']);
  });

  it('printed no unhandled error in any process', () => {
    expect(outputs()).not.toMatch(/unhandled error|UnhandledPromiseRejection|"level":"error"/i);
  });
});
