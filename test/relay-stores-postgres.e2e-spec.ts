import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { Pool } from 'pg';
import { dropSchema, freshSchemaName, testDatabaseConfig } from '@onedoor/event-store/testing/postgres-test-schema';
import { verifyWebhookSignature } from '../apps/relay/src/webhooks/webhook-signature';
import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';
import { wholeFeed } from './support/partner-streams';
import { expectBadInput } from './support/refusals';
import { eventually, WebhookReceiver } from './support/webhook-receiver';

jest.setTimeout(120_000);

const SECRET = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const { host, port, user, database } = testDatabaseConfig();

/**
 * The all-in-one app with EVENT_STORE=postgres: the pull feed, webhooks and dead letters live in the PostgreSQL
 * schema (none of feed.sqlite, webhooks.sqlite, relay.sqlite, webhook-secrets.key in the data directory), through
 * the same HTTP API, and survive a restart.
 */
describe('the relay stores in PostgreSQL, through the all-in-one app', () => {
  const schema = freshSchemaName();
  const env = {
    EVENT_STORE: 'postgres', DATABASE_URL: `postgres://${user}@${host}:${port}/${database}`, DATABASE_SCHEMA: schema,
    WEBHOOK_SECRETS_KEY: randomBytes(32).toString('base64'), WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_RETRY_MAX_MS: '40', WEBHOOK_MAX_ATTEMPTS: '2',
  };
  const works = 'calder-works';
  const receiver = new WebhookReceiver();
  const db = new Pool(testDatabaseConfig({ max: 1 }));
  let t: OnedoorTestApp;
  const rows = async (table: string, where = 'true') => (await db.query(`SELECT * FROM ${schema}.${table} WHERE ${where}`)).rows;

  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp({ seedDemo: true, env });
  });
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
    await db.end();
    await dropSchema(schema);
  });

  it('keeps the feed in the schema, not in the data directory', async () => {
    const feed = await wholeFeed(t, works);
    expect(feed.length).toBeGreaterThan(0);
    expect(await rows('partner_feed_messages', `partner_id = '${works}'`)).toHaveLength(feed.length);
    expect(Number((await rows('partner_feed_checkpoint'))[0].position)).toBe(await t.head());
    expect(readdirSync(t.dataDir).filter((f) => /^(feed|webhooks|relay)\.sqlite|webhook-secrets\.key/.test(f))).toEqual([]);
  });

  it('registers and delivers webhooks from the schema, with the secret sealed', async () => {
    const hook = (await t.http().post(`/partners/${works}/webhooks`).set('authorization', t.auth(works)).send({ url: receiver.url, secret: SECRET }).expect(201)).body;
    const [stored] = await rows('partner_webhooks');
    expect(stored).toMatchObject({ webhook_id: hook.webhookId, partner_id: works, url: receiver.url });
    expect(JSON.stringify(stored)).not.toContain(SECRET);

    await t.http().post('/referrals').set('authorization', t.auth('calder-hub')).send({ personId: 'demo-person-1', needs: ['employment'], serviceId: 'job-club', summary: 'Looking for warehouse work' }).expect(201);
    const expected = (await wholeFeed(t, works)).filter((i) => i.event.position > hook.startsAfterPosition).map((i) => i.event.id);
    expect(expected.length).toBeGreaterThan(0);
    await eventually(() => receiver.accepted.length >= expected.length, 'every message delivered');
    expect(receiver.accepted.map((d) => d.headers['ce-id'])).toEqual(expected);
    for (const d of receiver.accepted) expect(verifyWebhookSignature(SECRET, String(d.headers['x-onedoor-timestamp']), d.body, String(d.headers['x-onedoor-signature']))).toBe(true);
    await eventually(async () => Number((await rows('partner_webhooks'))[0].delivered) === expected.length, 'the delivery recorded');
  });

  it('refuses bad input by name and stores nothing', async () => {
    const post = (body: object) => () => t.http().post(`/partners/${works}/webhooks`).set('authorization', t.auth(works)).send(body);
    await expectBadInput(t, post({ url: 'ftp://crm.example.org/events', secret: SECRET }), ['url']);
    await expectBadInput(t, post({ url: receiver.url, secret: 'a'.repeat(40) }), ['secret']);
    expect(await rows('partner_webhooks')).toHaveLength(1);
    await expectBadInput(t, () => t.http().get(`/partners/${works}/events`).query({ after: '-1' }).set('authorization', t.auth(works)), ['after']);
    await expectBadInput(t, () => t.http().post(`/partners/${works}/webhooks/dead-letters/abc/replay`).set('authorization', t.auth(works)), ['deadLetterId']);
    expect(await rows('webhook_dead_letters')).toEqual([]);
  });

  it('dead-letters after the last attempt, and replays from the schema after a restart', async () => {
    receiver.refuse(1_000_000);
    await t.http().post('/referrals').set('authorization', t.auth('calder-hub')).send({ personId: 'demo-person-1', needs: ['employment'], serviceId: 'job-club' }).expect(201);
    await eventually(async () => (await rows('webhook_dead_letters')).length > 0, 'a dead letter');
    const delivered = receiver.accepted.length;

    // A restart. The data directory is kept only because the event log is still SQLite there until PlatformModule
    // opens PostgresEventStore by EVENT_STORE (branch pg-platform); the relay's stores are all in the schema.
    const { dataDir } = t;
    await t.close({ keepData: true });
    t = undefined!;
    t = await startTestApp({ dataDir, env });
    const letters = (await t.http().get(`/partners/${works}/webhooks/dead-letters`).set('authorization', t.auth(works)).expect(200)).body.deadLetters;
    expect(letters.length).toBe((await rows('webhook_dead_letters')).length);
    receiver.refuse(0);
    const replay = await t.http().post(`/partners/${works}/webhooks/dead-letters/replay`).set('authorization', t.auth(works)).expect(202);
    expect(replay.body.replayQueued).toBe(letters.length);
    await eventually(async () => (await rows('webhook_dead_letters')).length === 0, 'every dead letter replayed');
    expect(receiver.accepted.slice(delivered).map((d) => d.headers['ce-id'])).toEqual(expect.arrayContaining(letters.map((l: { eventId: string }) => l.eventId)));
  });
});
