import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { topics } from '@onedoor/messaging';
import { DistributedStore } from '../support/distributed-store';
import { kafkaBroker } from '../support/kafka-broker';
import { ServiceChild } from '../support/service-child';
import { formSmallConsortium, listing } from '../support/small-consortium';
import { SteadyWrites } from '../support/steady-writes';
import { TopicReader } from '../support/topic-reader';

jest.setTimeout(180_000);

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const KAFKA = '127.0.0.1:9092';

/** Letters for a number, so each steady writer's person has a name of their own (names are words, not digits). */
const lettersOf = (n: number) => [...String(n)].map((d) => 'abcdefghij'[Number(d)]).join('');

/**
 * Issue 11 item 6: the whole system as separate processes over the real PostgreSQL (the log, keys and stored answers,
 * in a schema of its own), Redis (the directory read model) and Kafka (the partners' streams): the gateway, two
 * referrals instances (the gateway takes them in turn), the directory, insights and the relay service with the Kafka
 * relay on, each with a data directory of its own. The contact-point journey runs through the gateway; then steady
 * writes from several clients while a referrals instance, then the directory, is killed -9 and started again.
 */
describe('the whole system: separate processes over PostgreSQL, Redis and Kafka', () => {
  const store = new DistributedStore();
  const dataDirs: string[] = [];
  const env = (extra: Record<string, string> = {}) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onedoor-whole-'));
    dataDirs.push(dataDir);
    return store.env({ READ_MODEL_STORE: 'redis', REDIS_URL, DATA_DIR: dataDir, GATEWAY_TIMEOUT_MS: '20000', ...extra });
  };
  const referrals = [0, 1].map(() => new ServiceChild('apps/referrals/src/main.ts', env(), '/docs-json'));
  const directory = new ServiceChild('apps/directory/src/main.ts', env(), '/docs-json');
  const insights = new ServiceChild('apps/insights/src/main.ts', env(), '/docs-json');
  const relay = new ServiceChild('apps/relay/src/relay-service.ts', env({ RELAY_ENABLED: 'true', KAFKA_BROKERS: KAFKA }), '/docs-json');
  let gateway: ServiceChild;
  const hubTopic = new TopicReader(topics.hub(store.consortiumId), KAFKA);
  const tokens: Record<string, string> = {};
  const as = (partnerId: string) => tokens[partnerId];
  const gw = () => request(gateway.url);
  const all = () => [gateway, ...referrals, directory, insights, relay];

  beforeAll(async () => {
    await kafkaBroker(9092).start();
    // The first creates the schema's tables; the others then start together.
    await referrals[0].start();
    await Promise.all([referrals[1], directory, insights, relay].map((s) => s.start()));
    gateway = new ServiceChild('apps/gateway/src/main.ts', {
      ...env(),
      REFERRALS_URL: referrals.map((r) => r.url).join(','),
      DIRECTORY_URL: directory.url,
      INSIGHTS_URL: insights.url,
      RELAY_URL: relay.url,
    });
    await gateway.start();
    await hubTopic.start();
    for (const partnerId of ['hub', 'works', 'minds']) {
      tokens[partnerId] = `Bearer ${(await gw().post('/auth/dev-token').send({ partnerId }).expect(201)).body.token}`;
    }
  }, 300_000);

  afterAll(async () => {
    await hubTopic.stop();
    await Promise.all(all().map((s) => s?.stop()));
    await store.close();
    dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  let personId: string;
  let journeyReferral: string;

  it('runs the contact-point journey through the gateway', async () => {
    await formSmallConsortium(gateway.url, as);
    const amira = { givenName: 'Amira', familyName: 'Whole', dateOfBirth: '1990-05-04', postcode: 'HX1 1AA' };
    // Find the caller first: not known yet, and no possible duplicate.
    expect((await gw().get('/people').query({ search: 'amira wh' }).set('authorization', as('hub')).expect(200)).body.people).toEqual([]);
    const { familyName, givenName, dateOfBirth } = amira;
    expect((await gw().get('/people/duplicates').query({ givenName, familyName, dateOfBirth }).set('authorization', as('hub')).expect(200)).body.possibleDuplicateIds).toEqual([]);
    const registered = await gw().post('/people').set('authorization', as('hub')).set('idempotency-key', 'journey-person').send(amira).expect(201);
    personId = registered.body.personId;
    await gw().post(`/people/${personId}/consents`).set('authorization', as('hub')).send({ scope: 'partners', partnerIds: ['works'], purposes: ['referral', 'case-management'] }).expect(201);
    expect((await gw().get('/people').query({ search: 'amira wh' }).set('authorization', as('hub')).expect(200)).body.people.map((p: { personId: string }) => p.personId)).toEqual([personId]);
    // Choose a service: the directory search and the ranked suggestions both offer the job club.
    expect((await gw().get('/directory/search?need=employment').set('authorization', as('hub')).expect(200)).body.results.map((r: { serviceId: string }) => r.serviceId)).toEqual(['job-club']);
    const suggested = await gw().get(`/people/${personId}/routing-suggestions?needs=employment`).set('authorization', as('hub')).expect(200);
    expect(suggested.body.suggestions[0]).toMatchObject({ serviceId: 'job-club' });
    // Check and send, then the receiving partner works it.
    const created = await gw().post('/referrals').set('authorization', as('hub')).set('idempotency-key', 'journey-referral').send({ personId, needs: ['employment'], serviceId: 'job-club', summary: 'Wants warehouse work' }).expect(201);
    journeyReferral = created.body.referralId;
    expect(created.body).toMatchObject({ status: 'requested', receivingPartnerId: 'works' });
    const worklist = await gw().get('/partners/works/worklist').set('authorization', as('works')).expect(200);
    expect(worklist.body.incoming.map((i: { referralId: string }) => i.referralId)).toEqual([journeyReferral]);
    await gw().post(`/referrals/${journeyReferral}/accept`).set('authorization', as('works')).set('if-match', '"2"').expect(200);
    await gw().post(`/referrals/${journeyReferral}/interactions`).set('authorization', as('works')).set('idempotency-key', 'journey-support').send({ kind: 'one-to-one', occurredOn: new Date().toISOString().slice(0, 10), notes: 'CV drafted' }).expect(201);
    expect((await gw().get(`/referrals/${journeyReferral}`).set('authorization', as('hub')).expect(200)).body.status).toBe('in-progress');
    expect((await gw().get('/insights/funnel').set('authorization', as('hub')).expect(200)).body.total).toMatchObject({ received: 1, accepted: 1, firstInteraction: 1 });
  });

  it('a bad request through the gateway is a 400 naming the fields, and nothing is written', async () => {
    const bad = await gw().post('/referrals').set('authorization', as('hub')).send({ referralId: 'never-written', personId, needs: 'employment', serviceId: 7 }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['needs', 'serviceId']);
    expect((await store.events()).filter((e) => e.stream === 'referral-never-written')).toEqual([]);
  });

  it('under steady writes, a referrals instance then the directory killed -9: the others keep serving, the restarted catch up, no acknowledged write lost, none doubled', async () => {
    const writes = new SteadyWrites(gateway.url, as('hub'), [
      { kind: 'person', path: '/people', body: (n) => ({ givenName: 'Steady', familyName: `Writer ${lettersOf(n)}`, dateOfBirth: '1985-01-02', postcode: 'HX1 1AA' }) },
      { kind: 'referral', path: '/referrals', body: () => ({ personId, needs: ['employment'], serviceId: 'job-club' }) },
    ]);
    try {
      await writes.moreAcknowledged(10);

      // A referrals instance dies mid-load: the gateway passes over it, writes and reads go on through the other.
      await referrals[0].stop();
      await writes.moreAcknowledged(12);
      for (let i = 0; i < 4; i++) expect((await gw().get(`/referrals/${journeyReferral}`).set('authorization', as('works'))).status).toBe(200);
      await referrals[0].start(referrals[0].port);
      // Started again, it has read what was written while it was down.
      const latest = writes.acknowledged().filter((w) => w.kind === 'referral').pop()!.body!.referralId as string;
      await request(referrals[0].url).get(`/referrals/${latest}`).set('authorization', as('hub')).expect(200);
      await writes.moreAcknowledged(8);

      // The directory dies: its routes answer 503 naming it, everything else serves, writes included.
      await directory.stop();
      const down = await gw().get('/directory/search?need=employment').set('authorization', as('minds')).expect(503);
      expect(down.body).toMatchObject({ rule: 'gateway.service-unavailable', details: { service: 'directory' } });
      await gw().post('/services').set('authorization', as('minds')).set('idempotency-key', 'listed-while-down').send(listing('advice-cafe', 'debt-advice', 6)).expect(201);
      await gw().get('/insights/funnel').set('authorization', as('hub')).expect(200);
      await gw().get('/partners/works/worklist').set('authorization', as('works')).expect(200);
      await writes.moreAcknowledged(8);
      await directory.start(directory.port);
      const back = await gw().get('/directory/search?need=debt-advice').set('authorization', as('works')).expect(200);
      expect(back.body.results.map((r: { serviceId: string }) => r.serviceId)).toEqual(['advice-cafe']);
      await writes.moreAcknowledged(8);
    } finally {
      await writes.stop();
    }

    // Every write was acknowledged in the end, retried with its key after errors where it had to be.
    const unacknowledged = writes.writes.filter((w) => w.body === undefined);
    expect(unacknowledged).toEqual([]);
    const acknowledged = writes.acknowledged();
    const events = await store.events();
    const created = (type: string) => events.filter((e) => e.type === type).map((e) => e.stream);
    // Each acknowledged write is in the log exactly once, and the log holds nothing else of its kind beyond the journey's.
    const people = acknowledged.filter((w) => w.kind === 'person').map((w) => `person-${w.body!.personId}`);
    const referralStreams = acknowledged.filter((w) => w.kind === 'referral').map((w) => `referral-${w.body!.referralId}`);
    expect(new Set(people).size).toBe(people.length);
    expect(new Set(referralStreams).size).toBe(referralStreams.length);
    expect(created('PersonRegistered').sort()).toEqual([`person-${personId}`, ...people].sort());
    expect(created('ReferralCreated').sort()).toEqual([`referral-${journeyReferral}`, ...referralStreams].sort());
    const retried = acknowledged.filter((w) => w.statuses.length > 1);
    console.log(
      `whole-system steady writes: ${acknowledged.length} acknowledged (${people.length} people, ${referralStreams.length} referrals), ` +
        `${retried.length} after a retry (answers on the way: ${JSON.stringify(retried.map((w) => w.statuses))}); ${events.length} events in the log`,
    );

    // The relay published every referral event to the hub's topic.
    const referralEventIds = events.filter((e) => e.stream.startsWith('referral-')).map((e) => e.id);
    await hubTopic.waitForDistinct(referralEventIds.length, 90_000);
    expect([...hubTopic.distinct()].sort()).toEqual(referralEventIds.sort());
  });

  it('printed no unhandled error in any process', () => {
    const outputs = all().map((s) => `--- ${s.entry}\n${s.lastOutput()}`).join('\n');
    expect(outputs).not.toMatch(/unhandled error|UnhandledPromiseRejection|"level":"error"/i);
  });
});
