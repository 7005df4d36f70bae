import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PublicEventValidator, topics } from '@onedoor/messaging';
import { kafkaBroker } from './support/kafka-broker';
import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';
import { FeedItemBody, referPerson, wholeFeed } from './support/partner-streams';
import { today } from './support/refusals';
import { ReadRecord, TopicReader } from './support/topic-reader';

jest.setTimeout(120_000);

/**
 * The whole partner stream over the real broker: the all-in-one app with the relay on publishes what the
 * partner-stream router decides (consent-filtered topics, CloudEvents headers, erasure notices and
 * tombstones), and a partner's Kafka topic carries the same events, in the same order, as its pull feed.
 * youth-forward (A) refers Kai to calder-works (B); valley-minds (C) is not involved.
 */
describe('partner streams on Kafka, routed by the real router (all-in-one app, real broker)', () => {
  const broker = kafkaBroker(9092);
  const consortiumId = `kafka-e2e-${randomUUID().slice(0, 8)}`;
  const A = 'youth-forward';
  const B = 'calder-works';
  const C = 'valley-minds';
  const SECRETS = ['Kai', 'Feedtester', '07700 900777', 'Wants warehouse work', 'Brought a CV'];
  const validator = new PublicEventValidator();
  let t: OnedoorTestApp;
  let ids: Awaited<ReturnType<typeof referPerson>>;
  const readers: Record<'b' | 'bPeople' | 'c' | 'hub', TopicReader> = {
    b: new TopicReader(topics.partner(consortiumId, B), '127.0.0.1:9092'),
    bPeople: new TopicReader(topics.partnerPeople(consortiumId, B), '127.0.0.1:9092'),
    c: new TopicReader(topics.partner(consortiumId, C), '127.0.0.1:9092'),
    hub: new TopicReader(topics.hub(consortiumId), '127.0.0.1:9092'),
  };
  const firstArrivals = (records: ReadRecord[]) => records.filter((r, i) => records.findIndex((o) => o.eventId === r.eventId) === i);
  const about = (records: ReadRecord[]) => firstArrivals(records).filter((r) => r.key === ids.referralId || r.key === ids.personId);

  async function relayCaughtUp(): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await t.http().get('/health/relay');
      if (res.status === 200 && res.body.role === 'leader' && res.body.lag === 0) return;
      if (Date.now() > deadline) throw new Error(`the relay did not catch up: ${JSON.stringify(res.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function until(check: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    await broker.start();
    t = await startTestApp({ seedDemo: true, env: { RELAY_ENABLED: 'true', KAFKA_BROKERS: '127.0.0.1:9092', CONSORTIUM_ID: consortiumId, RELAY_LEASE_TTL_MS: '3000' } });
    for (const reader of Object.values(readers)) await reader.start();
    ids = await referPerson(t, { from: A, consentFor: [B], serviceId: 'job-club', name: 'Kai', summary: 'Wants warehouse work' });
    await t.http().post(`/referrals/${ids.referralId}/accept`).set('authorization', t.auth(B)).expect(200);
    await t.http().post(`/referrals/${ids.referralId}/interactions`).set('authorization', t.auth(B)).send({ kind: 'one-to-one', occurredOn: today(), notes: 'Brought a CV' }).expect(201);
    await relayCaughtUp();
    await until(() => about(readers.b.records).length >= 4 && about(readers.bPeople.records).length >= 1, "B's topics to carry the referral");
  });
  afterAll(async () => {
    for (const reader of Object.values(readers)) await reader.stop();
    await t?.close();
  });

  it("puts the referral's events on B's topic keyed by the referral id, as CloudEvents whose bodies match their schemas", () => {
    const events = about(readers.b.records);
    expect(events.map((r) => r.headers.ce_type)).toEqual([
      'org.onedoor.referral.routed.v1', 'org.onedoor.referral.accepted.v1', 'org.onedoor.referral.started.v1', 'org.onedoor.referral.interaction-recorded.v1',
    ]);
    for (const r of events) {
      expect(r.key).toBe(ids.referralId);
      expect(r.headers).toMatchObject({ ce_specversion: '1.0', ce_subject: ids.referralId, ce_source: `urn:onedoor:consortium:${consortiumId}`, 'content-type': 'application/json' });
      expect({ type: r.headers.ce_type, problems: validator.errors(r.headers.ce_type, r.value) }).toEqual({ type: r.headers.ce_type, problems: [] });
    }
    // Positions rise: one referral's events stay in order on its partition.
    expect(events.map((r) => r.position)).toEqual([...events.map((r) => r.position)].sort((x, y) => x - y));
  });

  it('shows the relay on /health as a part that is not critical (the API works while the broker is away)', async () => {
    const { body } = await t.http().get('/health').expect(200);
    expect(body.components['kafka-relay']).toMatchObject({ status: 'ok', detail: 'leader', critical: false, lag: 0 });
  });

  it('keeps positions rising per referral', () => {
    const events = about(readers.b.records);
    expect(events.map((r) => r.position)).toEqual([...events.map((r) => r.position)].sort((x, y) => x - y));
  });

  it("carries the same events, in the same order and with the same bodies, as B's pull feed", async () => {
    const feed = (await wholeFeed(t, B)).filter((i: FeedItemBody) => i.topic === topics.partner(consortiumId, B) && i.key === ids.referralId);
    const kafka = about(readers.b.records);
    expect(kafka.map((r) => r.eventId)).toEqual(feed.map((i) => i.event.id));
    expect(kafka.map((r) => r.value)).toEqual(feed.map((i) => i.event.data));
  });

  it("gives B the person's details it may see on the keyed people topic, and C nothing; the hub topic has no personal data", () => {
    const [details] = about(readers.bPeople.records);
    expect(details).toMatchObject({ key: ids.personId, headers: { ce_type: 'org.onedoor.person.details.v1' }, value: { personal: { givenName: 'Kai', familyName: 'Feedtester' } } });
    expect(about(readers.c.records)).toEqual([]);
    const hub = about(readers.hub.records);
    expect(hub.map((r) => r.headers.ce_type)).toEqual(expect.arrayContaining(['org.onedoor.referral.created.v1', 'org.onedoor.referral.routed.v1']));
    const hubText = JSON.stringify(hub.map((r) => [r.headers, r.value]));
    for (const secret of SECRETS) expect(hubText).not.toContain(secret);
  });

  it('on erasure, sends B an erasure notice and a tombstone for the person, so its systems can forget them too', async () => {
    await t.http().delete(`/people/${ids.personId}`).set('authorization', t.auth('calder-hub')).expect(200);
    await relayCaughtUp();
    await until(() => about(readers.bPeople.records).some((r) => r.value === null), 'the tombstone');
    await until(() => firstArrivals(readers.b.records).some((r) => r.headers.ce_type === 'org.onedoor.person.erased.v1'), 'the erasure notice');
    const notice = firstArrivals(readers.b.records).find((r) => r.headers.ce_type === 'org.onedoor.person.erased.v1')!;
    expect(validator.errors(notice.headers.ce_type, notice.value)).toEqual([]);
    expect(JSON.stringify(notice)).not.toContain('Kai');
    const tombstone = about(readers.bPeople.records).find((r) => r.value === null)!;
    expect(tombstone.key).toBe(ids.personId);
  });
});
