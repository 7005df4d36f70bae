import type { Pool, PoolClient } from 'pg';
import { inTransaction, openRelayTables, qualified, RelayPostgresOptions } from '../postgres/relay-postgres';
import { DeadLetterRow, toDeadLetter, toWebhook, WebhookRow } from './webhook-rows';
import { DeadLetter, NewDeadLetter, NewWebhook, Webhook, WebhookStore } from './webhook-store';

type Queryable = Pool | PoolClient;

/**
 * Webhooks and dead letters in PostgreSQL (`partner_webhooks`, `webhook_dead_letters` in the deployment's schema),
 * shared by every instance. Claims and fenced outcomes are single UPDATEs on the webhook's row: under READ COMMITTED
 * a concurrent claim and outcome on one row are ordered by its row lock and each re-checks the owner it finds.
 */
export class PostgresWebhookStore extends WebhookStore {
  private constructor(private readonly pool: Pool, private readonly webhooks: string, private readonly letters: string) {
    super();
  }

  static async open(options: RelayPostgresOptions): Promise<PostgresWebhookStore> {
    const webhooks = qualified(options.schema, 'partner_webhooks');
    const letters = qualified(options.schema, 'webhook_dead_letters');
    const pool = await openRelayTables(options, 'webhooks', [
      `CREATE TABLE IF NOT EXISTS ${webhooks} (
         webhook_id text PRIMARY KEY, partner_id text NOT NULL, url text NOT NULL, sealed_secret text NOT NULL, created_at text NOT NULL,
         cursor bigint NOT NULL, attempts integer NOT NULL DEFAULT 0, next_attempt_at bigint NOT NULL DEFAULT 0, last_error text,
         delivered bigint NOT NULL DEFAULT 0, claimed_by text, claimed_until bigint NOT NULL DEFAULT 0)`,
      `CREATE TABLE IF NOT EXISTS ${letters} (
         dead_letter_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, webhook_id text NOT NULL REFERENCES ${webhooks} ON DELETE CASCADE,
         partner_id text NOT NULL, seq bigint NOT NULL, position bigint NOT NULL, event_id text NOT NULL, type text NOT NULL,
         attempts integer NOT NULL, last_error text NOT NULL, dead_at text NOT NULL, replay boolean NOT NULL DEFAULT false,
         next_attempt_at bigint NOT NULL DEFAULT 0)`,
      `CREATE INDEX IF NOT EXISTS webhook_dead_letters_by_partner ON ${letters} (partner_id, dead_letter_id)`,
      `CREATE INDEX IF NOT EXISTS webhook_dead_letters_by_webhook ON ${letters} (webhook_id, dead_letter_id)`,
    ]);
    return new PostgresWebhookStore(pool, webhooks, letters);
  }

  async add(webhook: NewWebhook): Promise<void> {
    await this.pool.query(`INSERT INTO ${this.webhooks} (webhook_id, partner_id, url, sealed_secret, created_at, cursor) VALUES ($1, $2, $3, $4, $5, $6)`, [
      webhook.webhookId, webhook.partnerId, webhook.url, webhook.sealedSecret, webhook.createdAt, webhook.cursor,
    ]);
  }

  async all(): Promise<Webhook[]> {
    return (await this.pool.query<WebhookRow>(`SELECT * FROM ${this.webhooks} ORDER BY created_at, webhook_id`)).rows.map(toWebhook);
  }

  async ofPartner(partnerId: string): Promise<Webhook[]> {
    return (await this.pool.query<WebhookRow>(`SELECT * FROM ${this.webhooks} WHERE partner_id = $1 ORDER BY created_at, webhook_id`, [partnerId])).rows.map(toWebhook);
  }

  async find(webhookId: string): Promise<Webhook | undefined> {
    const { rows } = await this.pool.query<WebhookRow>(`SELECT * FROM ${this.webhooks} WHERE webhook_id = $1`, [webhookId]);
    return rows[0] && toWebhook(rows[0]);
  }

  async remove(webhookId: string): Promise<void> {
    // Its dead letters go with it (ON DELETE CASCADE).
    await this.pool.query(`DELETE FROM ${this.webhooks} WHERE webhook_id = $1`, [webhookId]);
  }

  async claim(webhookId: string, owner: string, now: number, ttlMs: number): Promise<Webhook | undefined> {
    const { rows } = await this.pool.query<WebhookRow>(
      `UPDATE ${this.webhooks} SET claimed_by = $2, claimed_until = $3
       WHERE webhook_id = $1 AND (claimed_by IS NULL OR claimed_by = $2 OR claimed_until <= $4) RETURNING *`,
      [webhookId, owner, now + ttlMs, now],
    );
    return rows[0] && toWebhook(rows[0]);
  }

  async unclaim(webhookId: string, owner: string): Promise<void> {
    await this.release(this.pool, webhookId, owner, '');
  }

  async delivered(webhookId: string, owner: string, seq: number): Promise<boolean> {
    return this.release(this.pool, webhookId, owner, 'cursor = $3, attempts = 0, next_attempt_at = 0, last_error = NULL, delivered = delivered + 1,', seq);
  }

  async willRetry(webhookId: string, owner: string, attempts: number, nextAttemptAt: number, error: string): Promise<boolean> {
    return this.release(this.pool, webhookId, owner, 'attempts = $3, next_attempt_at = $4, last_error = $5,', attempts, nextAttemptAt, error);
  }

  async deadLettered(letter: NewDeadLetter, owner: string): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      if (!(await this.release(client, letter.webhookId, owner, 'cursor = $3, attempts = 0, next_attempt_at = 0, last_error = $4,', letter.seq, letter.lastError))) return false;
      await client.query(`INSERT INTO ${this.letters} (webhook_id, partner_id, seq, position, event_id, type, attempts, last_error, dead_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
        letter.webhookId, letter.partnerId, letter.seq, letter.position, letter.eventId, letter.type, letter.attempts, letter.lastError, letter.deadAt,
      ]);
      return true;
    });
  }

  async deadLettersOf(partnerId: string): Promise<DeadLetter[]> {
    return (await this.pool.query<DeadLetterRow>(`SELECT * FROM ${this.letters} WHERE partner_id = $1 ORDER BY dead_letter_id`, [partnerId])).rows.map(toDeadLetter);
  }

  async deadLetter(deadLetterId: number): Promise<DeadLetter | undefined> {
    const { rows } = await this.pool.query<DeadLetterRow>(`SELECT * FROM ${this.letters} WHERE dead_letter_id = $1`, [deadLetterId]);
    return rows[0] && toDeadLetter(rows[0]);
  }

  async queueReplay(partnerId: string, deadLetterId?: number): Promise<number> {
    const which = deadLetterId === undefined ? '' : ' AND dead_letter_id = $2';
    const { rowCount } = await this.pool.query(`UPDATE ${this.letters} SET replay = true, attempts = 0, next_attempt_at = 0 WHERE partner_id = $1${which}`, deadLetterId === undefined ? [partnerId] : [partnerId, deadLetterId]);
    return rowCount ?? 0;
  }

  async dueReplay(webhookId: string, now: number): Promise<DeadLetter | undefined> {
    const { rows } = await this.pool.query<DeadLetterRow>(`SELECT * FROM ${this.letters} WHERE webhook_id = $1 AND replay AND next_attempt_at <= $2 ORDER BY dead_letter_id LIMIT 1`, [webhookId, now]);
    return rows[0] && toDeadLetter(rows[0]);
  }

  async replayed(webhookId: string, owner: string, deadLetterId: number): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      if (!(await this.release(client, webhookId, owner, ''))) return false;
      await client.query(`DELETE FROM ${this.letters} WHERE dead_letter_id = $1`, [deadLetterId]);
      return true;
    });
  }

  async replayFailed(webhookId: string, owner: string, deadLetterId: number, attempts: number, nextAttemptAt: number | null, error: string): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      if (!(await this.release(client, webhookId, owner, ''))) return false;
      await client.query(
        `UPDATE ${this.letters} SET attempts = $2, next_attempt_at = COALESCE($3::bigint, 0), replay = ($3::bigint IS NOT NULL), last_error = $4,
           dead_at = CASE WHEN $3::bigint IS NULL THEN $5 ELSE dead_at END
         WHERE dead_letter_id = $1`,
        [deadLetterId, attempts, nextAttemptAt, error, new Date().toISOString()],
      );
      return true;
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** Applies `set` (assignments from $3 on, each ending with a comma) and ends the claim, only while `owner` holds it. */
  private async release(db: Queryable, webhookId: string, owner: string, set: string, ...values: unknown[]): Promise<boolean> {
    const { rowCount } = await db.query(`UPDATE ${this.webhooks} SET ${set} claimed_by = NULL, claimed_until = 0 WHERE webhook_id = $1 AND claimed_by = $2`, [webhookId, owner, ...values]);
    return rowCount === 1;
  }
}
