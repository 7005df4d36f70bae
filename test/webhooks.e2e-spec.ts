import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyWebhookSignature } from '../apps/relay/src/webhooks/webhook-signature';
import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';
import { FeedItemBody, wholeFeed } from './support/partner-streams';
import { expectBadInput, expectRefused, today } from './support/refusals';
import { ReceivedDelivery, WebhookReceiver, eventually } from './support/webhook-receiver';

/** Fast retries so the suite runs quickly: 20 ms doubling to 80 ms, five attempts. */
const ENV = { WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_RETRY_MAX_MS: '80', WEBHOOK_MAX_ATTEMPTS: '5' };
const SECRET = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const OTHER_SECRET = 'Zx8Qw2Lp5Rt7Yu1Io3Pa6Sd9Fg4Hj0Kl';

/** The CloudEvent a delivery carries, read back as a receiver would: ce-* headers and the body. */
const asEvent = (d: ReceivedDelivery) => ({ id: d.headers['ce-id'], type: d.headers['ce-type'], subject: d.headers['ce-subject'], position: Number(d.headers['ce-position']), data: d.body === '' ? undefined : JSON.parse(d.body) });
const asFeedEvent = (i: FeedItemBody) => ({ id: i.event.id, type: i.event.type, subject: i.event.subject, position: i.event.position, data: i.event.data });
/** At-least-once: a receiver dedupes on the CloudEvent id. */
const deduped = (deliveries: ReceivedDelivery[]) => [...new Map(deliveries.map((d) => [d.headers['ce-id'], d])).values()];

describe('signed webhooks', () => {
  let t: OnedoorTestApp;
  const works = 'calder-works';
  const receiver = new WebhookReceiver();

  const register = async (partnerId: string, url: string, secret = SECRET) =>
    (await t.http().post(`/partners/${partnerId}/webhooks`).set('authorization', t.auth(partnerId)).send({ url, secret }).expect(201)).body;
  /** What the partner's feed holds after the webhook's start, as the webhook should have delivered it. */
  const feedSince = async (partnerId: string, afterPosition: number) => (await wholeFeed(t, partnerId)).filter((i) => i.event.position > afterPosition).map(asFeedEvent);
  const referToJobClub = () => t.http().post('/referrals').set('authorization', t.auth('calder-hub')).send({ personId: 'demo-person-1', needs: ['employment'], serviceId: 'job-club', summary: 'Looking for warehouse work' }).expect(201);

  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp({ seedDemo: true, env: ENV });
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  let webhook: { webhookId: string; startsAfterPosition: number };

  it('delivers every message of the partner feed, in order, signed, with the same payload as the feed', async () => {
    webhook = await register(works, receiver.url);
    const referral = await referToJobClub();
    await t.http().post(`/referrals/${referral.body.referralId}/accept`).set('authorization', t.auth(works)).expect(200);
    const expected = await feedSince(works, webhook.startsAfterPosition);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    await eventually(() => receiver.accepted.length >= expected.length, 'every message delivered');
    expect(receiver.accepted.map(asEvent)).toEqual(expected);
    for (const d of receiver.accepted) {
      expect(d.headers).toMatchObject({ 'content-type': 'application/json', 'ce-specversion': '1.0', 'ce-source': 'urn:onedoor:consortium:onedoor', 'x-onedoor-webhook-id': webhook.webhookId });
      const timestamp = String(d.headers['x-onedoor-timestamp']);
      expect(verifyWebhookSignature(SECRET, timestamp, d.body, String(d.headers['x-onedoor-signature']))).toBe(true);
      expect(verifyWebhookSignature(OTHER_SECRET, timestamp, d.body, String(d.headers['x-onedoor-signature']))).toBe(false);
    }
  });

  it('keeps the secret out of the event log, the webhook files and every answer', async () => {
    const list = await t.http().get(`/partners/${works}/webhooks`).set('authorization', t.auth(works)).expect(200);
    expect(list.body.webhooks).toEqual([expect.objectContaining({ webhookId: webhook.webhookId, url: receiver.url })]);
    expect(JSON.stringify(list.body)).not.toContain(SECRET);
    for (const file of readdirSync(t.dataDir).filter((f) => /^(events|webhooks|feed)\.sqlite/.test(f))) {
      expect(readFileSync(join(t.dataDir, file)).includes(SECRET)).toBe(false);
    }
  });

  it('a receiver that is down gets everything after retries, still in order', async () => {
    const before = receiver.accepted.length;
    receiver.refuse(3);
    await referToJobClub();
    await referToJobClub();
    const expected = await feedSince(works, webhook.startsAfterPosition);
    await eventually(() => deduped(receiver.accepted).length >= expected.length, 'delivered after retries');
    expect(receiver.refused).toBe(3);
    expect(receiver.accepted.length).toBeGreaterThan(before);
    expect(deduped(receiver.accepted).map(asEvent)).toEqual(expected);
    const dead = await t.http().get(`/partners/${works}/webhooks/dead-letters`).set('authorization', t.auth(works)).expect(200);
    expect(dead.body.deadLetters).toEqual([]);
  });

  it('after the last attempt a message goes to the dead letters, which the partner sees and replays', async () => {
    const gone = new WebhookReceiver();
    await gone.start();
    await gone.stop(); // a port nobody listens on any more: connections are refused
    const debt = 'fair-money';
    const hook = await register(debt, gone.url, OTHER_SECRET);
    await t.http().post('/referrals').set('authorization', t.auth('calder-hub')).send({ personId: 'demo-person-2', needs: ['debt'], serviceId: 'benefits-check' }).expect(201);
    await t.http().post('/referrals').set('authorization', t.auth('calder-hub')).send({ personId: 'demo-person-2', needs: ['debt'], serviceId: 'debt-advice' }).expect(201);
    const expected = await feedSince(debt, hook.startsAfterPosition);
    const deadLetters = async () => (await t.http().get(`/partners/${debt}/webhooks/dead-letters`).set('authorization', t.auth(debt)).expect(200)).body.deadLetters;
    await eventually(async () => (await deadLetters()).length === expected.length, 'every message dead-lettered');
    const letters = await deadLetters();
    expect(letters.map((l: { eventId: string }) => l.eventId)).toEqual(expected.map((e) => e.id));
    expect(letters[0]).toMatchObject({ webhookId: hook.webhookId, attempts: 5, lastError: 'ECONNREFUSED', replayQueued: false, type: expected[0].type });
    // The hub may look, but not replay: replaying sends the partner's data to the partner's URL.
    await t.http().get(`/partners/${debt}/webhooks/dead-letters`).set('authorization', t.auth('calder-hub')).expect(200);
    await expectRefused(t, () => t.http().post(`/partners/${debt}/webhooks/dead-letters/replay`).set('authorization', t.auth('calder-hub')), 403, 'webhooks.not-yours');

    await gone.start(); // the receiver is back, on the same port
    const one = await t.http().post(`/partners/${debt}/webhooks/dead-letters/${letters[0].deadLetterId}/replay`).set('authorization', t.auth(debt)).expect(202);
    expect(one.body.replayQueued).toBe(1);
    await eventually(() => gone.accepted.length === 1, 'one dead letter replayed');
    expect(asEvent(gone.accepted[0])).toEqual(expected[0]);
    const all = await t.http().post(`/partners/${debt}/webhooks/dead-letters/replay`).set('authorization', t.auth(debt)).expect(202);
    expect(all.body.replayQueued).toBe(expected.length - 1);
    await eventually(() => gone.accepted.length === expected.length, 'all dead letters replayed');
    expect(gone.accepted.map(asEvent)).toEqual(expected);
    expect(await deadLetters()).toEqual([]);
    for (const d of gone.accepted) expect(verifyWebhookSignature(OTHER_SECRET, String(d.headers['x-onedoor-timestamp']), d.body, String(d.headers['x-onedoor-signature']))).toBe(true);
    await gone.stop();
  });

  it('refuses bad registrations by name, and other partners, writing nothing', async () => {
    const webhooksOf = async (partnerId: string) => (await t.http().get(`/partners/${partnerId}/webhooks`).set('authorization', t.auth(partnerId)).expect(200)).body.webhooks;
    const before = await webhooksOf(works);
    const post = (body: unknown, as = works, partnerId = works) => () => t.http().post(`/partners/${partnerId}/webhooks`).set('authorization', t.auth(as)).send(body as object);
    for (const url of ['not a url', 'ftp://files.example.org/x', 'http://user:pw@example.org/hook', '/relative/path', 42, null]) {
      await expectBadInput(t, post({ url, secret: SECRET }), ['url']);
    }
    for (const secret of ['short', 'a'.repeat(64), '0123456701234567012345670123456', '12121212121212121212121212121212121212', 'x'.repeat(300), 7]) {
      await expectBadInput(t, post({ url: receiver.url, secret }), ['secret']);
    }
    await expectBadInput(t, post({}), ['url', 'secret']);
    await expectBadInput(t, post({ url: receiver.url, secret: SECRET, events: 'all' }), ['events']);
    await expectRefused(t, post({ url: receiver.url, secret: SECRET }, 'valley-minds'), 403, 'webhooks.not-yours');
    await expectRefused(t, post({ url: receiver.url, secret: SECRET }, 'calder-hub'), 403, 'webhooks.not-yours');
    await expectRefused(t, () => t.http().get(`/partners/${works}/webhooks`).set('authorization', t.auth('valley-minds')), 403, 'webhooks.not-yours');
    await expectRefused(t, () => t.http().get('/partners/no-such-partner/webhooks').set('authorization', t.auth('calder-hub')), 404, 'partner.not-found');
    await expectRefused(t, () => t.http().delete(`/partners/${works}/webhooks/${webhook.webhookId}`).set('authorization', t.auth('valley-minds')), 403, 'webhooks.not-yours');
    await expectRefused(t, () => t.http().delete(`/partners/${works}/webhooks/no-such-webhook`).set('authorization', t.auth(works)), 404, 'webhook.not-found');
    await expectRefused(t, () => t.http().post(`/partners/${works}/webhooks/dead-letters/999999/replay`).set('authorization', t.auth(works)), 404, 'webhook.dead-letter-not-found');
    await expectBadInput(t, () => t.http().post(`/partners/${works}/webhooks/dead-letters/abc/replay`).set('authorization', t.auth(works)), ['deadLetterId']);
    expect((await t.http().post(`/partners/${works}/webhooks`).send({ url: receiver.url, secret: SECRET })).status).toBe(401);
    expect(await webhooksOf(works)).toEqual(before);
  });

  it('resumes after a restart: what was pending is delivered, in order, nothing missing', async () => {
    receiver.refuse(1_000_000);
    const referral = await referToJobClub();
    await t.http().post(`/referrals/${referral.body.referralId}/accept`).set('authorization', t.auth(works)).expect(200);
    await t.http().post(`/referrals/${referral.body.referralId}/interactions`).set('authorization', t.auth(works)).send({ kind: 'drop-in', occurredOn: today() }).expect(201);
    await eventually(() => receiver.refused >= 2, 'the receiver refusing deliveries');
    await t.close({ keepData: true });
    receiver.refuse(0);
    t = await startTestApp({ dataDir: t.dataDir, env: ENV });
    const expected = await feedSince(works, webhook.startsAfterPosition);
    await eventually(() => deduped(receiver.accepted).length >= expected.length, 'pending messages delivered after the restart');
    expect(deduped(receiver.accepted).map(asEvent)).toEqual(expected);
  });

  it('a removed webhook gets nothing more, while one still registered gets the next event', async () => {
    // The second receiver shows deliveries for the new event did run: the first's silence is then meaningful.
    const witness = new WebhookReceiver();
    await witness.start();
    try {
      const kept = await register(works, witness.url);
      await t.http().delete(`/partners/${works}/webhooks/${webhook.webhookId}`).set('authorization', t.auth(works)).expect(204);
      const before = receiver.accepted.length;
      const referral = await referToJobClub();
      await eventually(() => witness.accepted.some((d) => d.headers['ce-subject'] === referral.body.referralId), 'the kept webhook receiving the new referral');
      expect(receiver.accepted.length).toBe(before);
      expect((await t.http().get(`/partners/${works}/webhooks`).set('authorization', t.auth(works)).expect(200)).body.webhooks).toEqual([expect.objectContaining({ webhookId: kept.webhookId })]);
    } finally {
      await witness.stop();
    }
  });
});
