import Database from 'better-sqlite3';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { SqliteEventLogReader } from '@onedoor/event-store';
import { dropSchema, freshSchemaName, testDatabaseConfig } from '@onedoor/event-store/testing/postgres-test-schema';
import { PostgresPartnerFeedStore, SqliteRelayLedger } from '@onedoor/relay-stores';
import { verifyWebhookSignature } from '../apps/relay/src/webhooks/webhook-signature';
import { seededDemoDataDir } from './support/demo-data-dir';
import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';
import type { FeedItemBody } from './support/partner-streams';
import { runCliCapturing } from './support/run-cli';
import { eventually, ReceivedDelivery, WebhookReceiver } from './support/webhook-receiver';

const config = testDatabaseConfig();
const url = `postgres://${config.user}@${config.host}:${config.port}/${config.database}`;

/** `onedoor migrate` over a data directory the platform wrote (the demo consortium), into a fresh PostgreSQL schema. */
describe('onedoor migrate: the embedded data directory into PostgreSQL', () => {
  const demoDir = seededDemoDataDir();
  let schema: string;
  let pool: Pool;
  beforeEach(() => {
    schema = freshSchemaName();
    pool = new Pool(testDatabaseConfig({ max: 1 }));
  });
  afterEach(async () => {
    await pool.end();
    await dropSchema(schema);
  });

  const migrate = (...extra: string[]) => runCliCapturing(demoDir(), 'migrate', '--from', `sqlite:${demoDir()}`, '--to', url, '--schema', schema, ...extra);
  const copied = async () => (await pool.query(`SELECT id, stream, version, position, type FROM ${schema}.events ORDER BY position`)).rows.map((r) => ({ ...r, position: Number(r.position) }));

  it('copies the log keeping every id, stream, version and position, verifies it, and says how to start on it', async () => {
    const run = await migrate();
    expect(run.code).toBe(0);
    const reader = new SqliteEventLogReader(join(demoDir(), 'events.sqlite'));
    const source = [...reader.batches(0, 10_000)].flat().map(({ id, stream, version, position, type }) => ({ id, stream, version, position, type }));
    reader.close();
    expect(source.length).toBeGreaterThan(40);
    expect(await copied()).toEqual(source);
    expect(run.stdout).toContain(`copied event log: ${source.length}\n`);
    expect(run.stdout).toMatch(new RegExp(`verified event log: ${source.length} events, positions 1–${source.length}, sha256 [0-9a-f]{16}…`));
    expect(run.stdout).toContain(`DATABASE_SCHEMA=${schema}`);
  });

  it('copies the person keys and stored answers, so the platform started on PostgreSQL reads the people as they were', async () => {
    const run = await migrate();
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/copied person keys: [1-9]\d*\n/);
    expect(run.stdout).toMatch(/verified person keys: [1-9]\d* rows, sha256 [0-9a-f]{16}…/);
    expect(run.stdout).toMatch(/verified stored answers: \d+ rows/);
    const app = await startTestApp({ env: { EVENT_STORE: 'postgres', DATABASE_URL: url, DATABASE_SCHEMA: schema, AUTH_SECRET: 'migrated-deployment-secret-of-32-chars-or-more' } });
    try {
      const { body } = await app.http().get('/people/demo-person-1').set('authorization', app.auth('calder-hub')).expect(200);
      expect(body).toMatchObject({ personId: 'demo-person-1', details: { givenName: 'Amira', familyName: 'Khan', dateOfBirth: '1988-03-14' } });
      // The migrated log carries on: a new person on PostgreSQL follows the copied history.
      const head = await app.head();
      const { rows } = await pool.query(`SELECT max(position)::int AS head FROM ${schema}.events`);
      expect(head).toBe(rows[0].head);
    } finally {
      await app.close();
    }
  });

  it('refuses a target that already holds events and writes nothing to it', async () => {
    expect((await migrate()).code).toBe(0);
    const before = await copied();
    const again = await migrate();
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`error: the target schema "${schema}" already holds ${before.length} item(s) of the event log; migrate copies only into an empty target, so nothing was written`);
    expect(await copied()).toEqual(before);
  });

  it('names the option and the rule for a bad source, target or schema, and touches no database', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['migrate', '--from', demoDir(), '--to', url], /--from must look like sqlite:<data directory>/],
      [['migrate', '--from', 'sqlite:/no/such/dir', '--to', url], /--from: \/no\/such\/dir is not a directory/],
      [['migrate', '--from', `sqlite:${join(demoDir(), '..')}`, '--to', url], /holds no events\.sqlite/],
      [['migrate', '--from', `sqlite:${demoDir()}`, '--to', 'mysql://x@y/z'], /--to must be a postgres:\/\/ or postgresql:\/\/ URL/],
      [['migrate', '--from', `sqlite:${demoDir()}`, '--to', url, '--schema', 'Public; drop'], /--schema must be 1 to 63 lower-case letters/],
      [['migrate', '--to', url], /required option '--from <sqlite:dir>' not specified/],
    ];
    for (const [argv, message] of cases) {
      const run = await runCliCapturing(demoDir(), ...argv);
      expect({ argv, code: run.code }).toEqual({ argv, code: 2 });
      expect(run.stderr).toMatch(message);
    }
    const { rows } = await pool.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema]);
    expect(rows).toEqual([]);
  });
});

/** Fast webhook retries, as in the webhooks suite: a refused message reaches the dead letters within a second. */
const RETRIES = { WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_RETRY_MAX_MS: '80', WEBHOOK_MAX_ATTEMPTS: '3' };
const WORKS_SECRET = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const DEBT_SECRET = 'Zx8Qw2Lp5Rt7Yu1Io3Pa6Sd9Fg4Hj0Kl';
const works = 'calder-works';
const debt = 'fair-money';

/** Every page of a partner's pull feed (items and the `next` cursor of each), small pages so cursors are exercised. */
async function feedPages(t: OnedoorTestApp, partnerId: string): Promise<unknown[]> {
  const pages: Array<{ items: FeedItemBody[]; next: number }> = [];
  for (let after = 0; ; ) {
    const { body } = await t.http().get(`/partners/${partnerId}/events`).query({ after, limit: 4 }).set('authorization', t.auth(partnerId)).expect(200);
    pages.push(body);
    if (body.items.length < 4) return pages;
    after = body.next;
  }
}

/** What partners see of the relay: both partners' feeds, webhooks and dead letters, through the API. */
async function relayView(t: OnedoorTestApp) {
  const get = async (path: string, partnerId: string) => (await t.http().get(path).set('authorization', t.auth(partnerId)).expect(200)).body;
  return {
    feeds: { [works]: await feedPages(t, works), [debt]: await feedPages(t, debt) },
    webhooks: { [works]: await get(`/partners/${works}/webhooks`, works), [debt]: await get(`/partners/${debt}/webhooks`, debt) },
    deadLetters: await get(`/partners/${debt}/webhooks/dead-letters`, debt),
  };
}

const signedWith = (secret: string, d: ReceivedDelivery) => verifyWebhookSignature(secret, String(d.headers['x-onedoor-timestamp']), d.body, String(d.headers['x-onedoor-signature']));

/**
 * The relay's stores move too: a data directory where one partner's webhook delivered, another's answered 503 until
 * its messages were dead-lettered, and a Kafka relay left its checkpoint; migrated, then the all-in-one on PostgreSQL.
 */
describe("onedoor migrate: the relay's feed, webhooks, dead letters and checkpoint", () => {
  const delivering = new WebhookReceiver();
  const refusing = new WebhookReceiver();
  let dataDir = '';
  let before: Awaited<ReturnType<typeof relayView>>;
  let sourceSeqs: Array<{ seq: number; position: number; partner_id: string }>;
  let head = 0;
  let schema: string;
  let pool: Pool;

  beforeAll(async () => {
    await Promise.all([delivering.start(), refusing.start()]);
    refusing.refuse(Number.MAX_SAFE_INTEGER);
    const t = await startTestApp({ seedDemo: true, env: RETRIES });
    dataDir = t.dataDir;
    try {
      const register = async (partnerId: string, url: string, secret: string) => (await t.http().post(`/partners/${partnerId}/webhooks`).set('authorization', t.auth(partnerId)).send({ url, secret }).expect(201)).body;
      const worksHook = await register(works, delivering.url, WORKS_SECRET);
      const debtHook = await register(debt, refusing.url, DEBT_SECRET);
      const refer = (personId: string, needs: string[], serviceId: string) => t.http().post('/referrals').set('authorization', t.auth('calder-hub')).send({ personId, needs, serviceId }).expect(201);
      await refer('demo-person-1', ['employment'], 'job-club');
      await refer('demo-person-2', ['debt'], 'debt-advice');
      const since = async (partnerId: string, after: number) => (await feedPages(t, partnerId)).flatMap((p) => (p as { items: FeedItemBody[] }).items).filter((i) => i.event.position > after);
      const worksDue = (await since(works, worksHook.startsAfterPosition)).length;
      const debtDue = (await since(debt, debtHook.startsAfterPosition)).length;
      expect(Math.min(worksDue, debtDue)).toBeGreaterThan(0);
      await eventually(() => delivering.accepted.length >= worksDue, 'the delivering webhook receiving its messages');
      const deadLetters = async () => (await t.http().get(`/partners/${debt}/webhooks/dead-letters`).set('authorization', t.auth(debt)).expect(200)).body.deadLetters.length;
      await eventually(async () => (await deadLetters()) === debtDue, "the refused webhook's messages dead-lettered");
      before = await relayView(t);
      head = await t.head();
    } finally {
      await t.close({ keepData: true });
    }
    // The all-in-one runs no Kafka relay by default: its ledger is written as a relay process would have left it.
    const ledger = new SqliteRelayLedger(join(dataDir, 'relay.sqlite'));
    expect(await ledger.tryAcquire('relay-a', Date.now(), 60_000)).toBe(true);
    expect(await ledger.advance('relay-a', head - 1, Date.now())).toBe(true);
    await ledger.close();
    const feed = new Database(join(dataDir, 'feed.sqlite'), { readonly: true });
    sourceSeqs = feed.prepare('SELECT seq, position, partner_id FROM feed_messages ORDER BY seq').all() as typeof sourceSeqs;
    feed.close();
  });
  afterAll(async () => {
    await Promise.all([delivering.stop(), refusing.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    schema = freshSchemaName();
    pool = new Pool(testDatabaseConfig({ max: 1 }));
  });
  afterEach(async () => {
    await pool.end();
    await dropSchema(schema);
  });

  const migrate = () => runCliCapturing(dataDir, 'migrate', '--from', `sqlite:${dataDir}`, '--to', url, '--schema', schema);

  it('copies them keeping feed sequence numbers and dead-letter ids; on PostgreSQL partners see the same and delivery carries on, signed with the same secrets', async () => {
    const run = await migrate();
    expect(run.code).toBe(0);
    for (const [part, rows] of [['partner feed messages', sourceSeqs.length], ['partner feed checkpoint', 1], ['webhooks', 2], ['webhook dead letters', (before.deadLetters.deadLetters as unknown[]).length], ['relay checkpoint', 1]] as const) {
      expect(run.stdout).toContain(`copied ${part}: ${rows}\n`);
      expect(run.stdout).toMatch(new RegExp(`verified ${part}: ${rows} rows, sha256 [0-9a-f]{16}…`));
    }
    // The instruction names the key file exactly; the key itself is never printed.
    const keyFile = join(dataDir, 'webhook-secrets.key');
    const key = readFileSync(keyFile, 'utf8');
    expect(run.stdout).toContain(`DATABASE_SCHEMA=${schema} WEBHOOK_SECRETS_KEY="$(cat ${keyFile})"\n`);
    expect(run.stdout).toContain(`webhook secrets: the 2 copied webhook signing secret(s) are sealed with the key in ${keyFile}: every instance must run with WEBHOOK_SECRETS_KEY set to that file's contents`);
    expect(run.stdout + run.stderr).not.toContain(key.trim());

    const copiedSeqs = (await pool.query(`SELECT seq::int, position::int, partner_id FROM ${schema}.partner_feed_messages ORDER BY seq`)).rows;
    expect(copiedSeqs).toEqual(sourceSeqs);
    // The lease is transient: a relay on PostgreSQL takes it afresh, from the copied checkpoint.
    expect((await pool.query(`SELECT name, position::int FROM ${schema}.relay_checkpoint`)).rows).toEqual([{ name: 'kafka', position: head - 1 }]);
    expect((await pool.query(`SELECT count(*)::int AS n FROM ${schema}.relay_lease`)).rows).toEqual([{ n: 0 }]);

    // A fresh DATA_DIR: the secrets open only with the key given as WEBHOOK_SECRETS_KEY.
    const app = await startTestApp({ env: { ...RETRIES, EVENT_STORE: 'postgres', DATABASE_URL: url, DATABASE_SCHEMA: schema, AUTH_SECRET: 'migrated-deployment-secret-of-32-chars-or-more', WEBHOOK_SECRETS_KEY: key.trim() } });
    try {
      expect(await relayView(app)).toEqual(before);
      const deliveredBefore = delivering.accepted.length;
      const referral = await app.http().post('/referrals').set('authorization', app.auth('calder-hub')).send({ personId: 'demo-person-1', needs: ['employment'], serviceId: 'job-club' }).expect(201);
      const lastSeq = sourceSeqs.at(-1)!.seq;
      const firstNewSeq = async () => (await pool.query(`SELECT min(seq)::int AS first FROM ${schema}.partner_feed_messages WHERE position > $1`, [head])).rows[0].first;
      await eventually(async () => (await firstNewSeq()) !== null, 'the new event in the feed on PostgreSQL');
      expect(await firstNewSeq()).toBe(lastSeq + 1);
      // The webhook resumes at its copied cursor: the new event only, signed with the secret registered on SQLite.
      await eventually(() => delivering.accepted.length > deliveredBefore, 'the new event delivered from PostgreSQL');
      const fresh = delivering.accepted.slice(deliveredBefore);
      expect(fresh.map((d) => d.headers['ce-subject'])).toEqual(fresh.map(() => referral.body.referralId));
      for (const d of fresh) {
        expect(signedWith(WORKS_SECRET, d)).toBe(true);
        expect(signedWith(DEBT_SECRET, d)).toBe(false);
      }
      // A dead letter replayed by the id the partner saw on SQLite, signed with its webhook's secret.
      refusing.refuse(0);
      const [letter] = before.deadLetters.deadLetters as Array<{ deadLetterId: number; eventId: string }>;
      await app.http().post(`/partners/${debt}/webhooks/dead-letters/${letter.deadLetterId}/replay`).set('authorization', app.auth(debt)).expect(202);
      await eventually(() => refusing.accepted.length === 1, 'the dead letter replayed from PostgreSQL');
      expect(refusing.accepted[0].headers['ce-id']).toBe(letter.eventId);
      expect(signedWith(DEBT_SECRET, refusing.accepted[0])).toBe(true);
    } finally {
      refusing.refuse(Number.MAX_SAFE_INTEGER);
      await app.close();
    }
  });

  it('refuses a target whose relay tables already hold something (a moved feed checkpoint) and writes nothing', async () => {
    const feed = await PostgresPartnerFeedStore.open({ pool: testDatabaseConfig({ max: 1 }), schema });
    await feed.append(7, []);
    await feed.close();
    const run = await migrate();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error: the target schema "${schema}" already holds 1 item(s) of the partner feed checkpoint; migrate copies only into an empty target, so nothing was written`);
    const counts = await pool.query(
      `SELECT (SELECT count(*) FROM ${schema}.events)::int AS events, (SELECT count(*) FROM ${schema}.partner_feed_messages)::int AS feed,
              (SELECT count(*) FROM ${schema}.partner_webhooks)::int AS webhooks, (SELECT position FROM ${schema}.partner_feed_checkpoint)::int AS checkpoint`,
    );
    expect(counts.rows).toEqual([{ events: 0, feed: 0, webhooks: 0, checkpoint: 7 }]);
  });
});
