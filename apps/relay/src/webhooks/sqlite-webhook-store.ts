import Database from 'better-sqlite3';
import { DeadLetterRow, toDeadLetter, toWebhook, WebhookRow } from './webhook-rows';
import { DeadLetter, NewDeadLetter, NewWebhook, Webhook, WebhookStore } from './webhook-store';

/** Webhooks and dead letters in `webhooks.sqlite` in the data directory. */
export class SqliteWebhookStore extends WebhookStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    super();
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS webhooks (
        webhook_id TEXT PRIMARY KEY, partner_id TEXT NOT NULL, url TEXT NOT NULL, sealed_secret TEXT NOT NULL, created_at TEXT NOT NULL,
        cursor INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL DEFAULT 0, last_error TEXT,
        delivered INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS dead_letters (
        dead_letter_id INTEGER PRIMARY KEY AUTOINCREMENT, webhook_id TEXT NOT NULL, partner_id TEXT NOT NULL, seq INTEGER NOT NULL,
        position INTEGER NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL, attempts INTEGER NOT NULL, last_error TEXT NOT NULL,
        dead_at TEXT NOT NULL, replay INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL DEFAULT 0);
      CREATE INDEX IF NOT EXISTS dead_letters_by_partner ON dead_letters (partner_id, dead_letter_id);`);
    // Files written before claims existed get the two columns.
    const columns = (this.db.prepare('PRAGMA table_info(webhooks)').all() as { name: string }[]).map((c) => c.name);
    if (!columns.includes('claimed_by')) this.db.exec('ALTER TABLE webhooks ADD COLUMN claimed_by TEXT; ALTER TABLE webhooks ADD COLUMN claimed_until INTEGER NOT NULL DEFAULT 0;');
  }

  async add(webhook: NewWebhook): Promise<void> {
    this.db.prepare('INSERT INTO webhooks (webhook_id, partner_id, url, sealed_secret, created_at, cursor) VALUES (?, ?, ?, ?, ?, ?)')
      .run(webhook.webhookId, webhook.partnerId, webhook.url, webhook.sealedSecret, webhook.createdAt, webhook.cursor);
  }

  async all(): Promise<Webhook[]> {
    return (this.db.prepare('SELECT * FROM webhooks ORDER BY created_at, webhook_id').all() as WebhookRow[]).map(toWebhook);
  }

  async ofPartner(partnerId: string): Promise<Webhook[]> {
    return (this.db.prepare('SELECT * FROM webhooks WHERE partner_id = ? ORDER BY created_at, webhook_id').all(partnerId) as WebhookRow[]).map(toWebhook);
  }

  async find(webhookId: string): Promise<Webhook | undefined> {
    const row = this.db.prepare('SELECT * FROM webhooks WHERE webhook_id = ?').get(webhookId) as WebhookRow | undefined;
    return row && toWebhook(row);
  }

  async remove(webhookId: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM dead_letters WHERE webhook_id = ?').run(webhookId);
      this.db.prepare('DELETE FROM webhooks WHERE webhook_id = ?').run(webhookId);
    })();
  }

  async claim(webhookId: string, owner: string, now: number, ttlMs: number): Promise<Webhook | undefined> {
    const row = this.db
      .prepare('UPDATE webhooks SET claimed_by = ?, claimed_until = ? WHERE webhook_id = ? AND (claimed_by IS NULL OR claimed_by = ? OR claimed_until <= ?) RETURNING *')
      .get(owner, now + ttlMs, webhookId, owner, now) as WebhookRow | undefined;
    return row && toWebhook(row);
  }

  async unclaim(webhookId: string, owner: string): Promise<void> {
    this.release(webhookId, owner, '');
  }

  async delivered(webhookId: string, owner: string, seq: number): Promise<boolean> {
    return this.release(webhookId, owner, 'cursor = ?, attempts = 0, next_attempt_at = 0, last_error = NULL, delivered = delivered + 1,', seq);
  }

  async willRetry(webhookId: string, owner: string, attempts: number, nextAttemptAt: number, error: string): Promise<boolean> {
    return this.release(webhookId, owner, 'attempts = ?, next_attempt_at = ?, last_error = ?,', attempts, nextAttemptAt, error);
  }

  async deadLettered(letter: NewDeadLetter, owner: string): Promise<boolean> {
    return this.db.transaction(() => {
      if (!this.release(letter.webhookId, owner, 'cursor = ?, attempts = 0, next_attempt_at = 0, last_error = ?,', letter.seq, letter.lastError)) return false;
      this.db.prepare('INSERT INTO dead_letters (webhook_id, partner_id, seq, position, event_id, type, attempts, last_error, dead_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(letter.webhookId, letter.partnerId, letter.seq, letter.position, letter.eventId, letter.type, letter.attempts, letter.lastError, letter.deadAt);
      return true;
    })();
  }

  async deadLettersOf(partnerId: string): Promise<DeadLetter[]> {
    return (this.db.prepare('SELECT * FROM dead_letters WHERE partner_id = ? ORDER BY dead_letter_id').all(partnerId) as DeadLetterRow[]).map(toDeadLetter);
  }

  async deadLetter(deadLetterId: number): Promise<DeadLetter | undefined> {
    const row = this.db.prepare('SELECT * FROM dead_letters WHERE dead_letter_id = ?').get(deadLetterId) as DeadLetterRow | undefined;
    return row && toDeadLetter(row);
  }

  async queueReplay(partnerId: string, deadLetterId?: number): Promise<number> {
    if (deadLetterId !== undefined) return this.db.prepare('UPDATE dead_letters SET replay = 1, attempts = 0, next_attempt_at = 0 WHERE partner_id = ? AND dead_letter_id = ?').run(partnerId, deadLetterId).changes;
    return this.db.prepare('UPDATE dead_letters SET replay = 1, attempts = 0, next_attempt_at = 0 WHERE partner_id = ?').run(partnerId).changes;
  }

  async dueReplay(webhookId: string, now: number): Promise<DeadLetter | undefined> {
    const row = this.db.prepare('SELECT * FROM dead_letters WHERE webhook_id = ? AND replay = 1 AND next_attempt_at <= ? ORDER BY dead_letter_id LIMIT 1').get(webhookId, now) as DeadLetterRow | undefined;
    return row && toDeadLetter(row);
  }

  async replayed(webhookId: string, owner: string, deadLetterId: number): Promise<boolean> {
    return this.db.transaction(() => {
      if (!this.release(webhookId, owner, '')) return false;
      this.db.prepare('DELETE FROM dead_letters WHERE dead_letter_id = ?').run(deadLetterId);
      return true;
    })();
  }

  async replayFailed(webhookId: string, owner: string, deadLetterId: number, attempts: number, nextAttemptAt: number | null, error: string): Promise<boolean> {
    return this.db.transaction(() => {
      if (!this.release(webhookId, owner, '')) return false;
      this.db.prepare('UPDATE dead_letters SET attempts = ?, next_attempt_at = COALESCE(?, 0), replay = ?, last_error = ?, dead_at = CASE WHEN ? IS NULL THEN ? ELSE dead_at END WHERE dead_letter_id = ?')
        .run(attempts, nextAttemptAt, nextAttemptAt === null ? 0 : 1, error, nextAttemptAt, new Date().toISOString(), deadLetterId);
      return true;
    })();
  }

  async close(): Promise<void> {
    this.db.close();
  }

  /** Applies `set` (SQL assignments, each ending with a comma) and ends the claim, only while `owner` holds it. */
  private release(webhookId: string, owner: string, set: string, ...values: unknown[]): boolean {
    return this.db.prepare(`UPDATE webhooks SET ${set} claimed_by = NULL, claimed_until = 0 WHERE webhook_id = ? AND claimed_by = ?`).run(...values, webhookId, owner).changes === 1;
  }
}
