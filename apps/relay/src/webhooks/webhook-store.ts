import Database from 'better-sqlite3';

export interface Webhook {
  webhookId: string;
  partnerId: string;
  url: string;
  /** Sealed by WebhookSecretBox. */
  sealedSecret: string;
  createdAt: string;
  /** The last feed message (sequence number) delivered or dead-lettered. */
  cursor: number;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  delivered: number;
}

export interface DeadLetter {
  deadLetterId: number;
  webhookId: string;
  partnerId: string;
  seq: number;
  position: number;
  eventId: string;
  type: string;
  attempts: number;
  lastError: string;
  deadAt: string;
  /** Queued for another round of attempts. */
  replay: boolean;
  nextAttemptAt: number;
}

/**
 * Webhook registrations and their delivery state (`webhooks.sqlite` in the data directory), so a restart
 * resumes each webhook where it was: its cursor in the partner's feed, its retry count, its dead letters.
 */
export class WebhookStore {
  private readonly db: Database.Database;

  constructor(file: string) {
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
  }

  add(webhook: Pick<Webhook, 'webhookId' | 'partnerId' | 'url' | 'sealedSecret' | 'createdAt' | 'cursor'>): void {
    this.db.prepare('INSERT INTO webhooks (webhook_id, partner_id, url, sealed_secret, created_at, cursor) VALUES (?, ?, ?, ?, ?, ?)')
      .run(webhook.webhookId, webhook.partnerId, webhook.url, webhook.sealedSecret, webhook.createdAt, webhook.cursor);
  }

  all(): Webhook[] {
    return (this.db.prepare('SELECT * FROM webhooks ORDER BY created_at, webhook_id').all() as WebhookRow[]).map(toWebhook);
  }

  ofPartner(partnerId: string): Webhook[] {
    return this.all().filter((w) => w.partnerId === partnerId);
  }

  find(webhookId: string): Webhook | undefined {
    const row = this.db.prepare('SELECT * FROM webhooks WHERE webhook_id = ?').get(webhookId) as WebhookRow | undefined;
    return row && toWebhook(row);
  }

  remove(webhookId: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM dead_letters WHERE webhook_id = ?').run(webhookId);
      this.db.prepare('DELETE FROM webhooks WHERE webhook_id = ?').run(webhookId);
    })();
  }

  delivered(webhookId: string, seq: number): void {
    this.db.prepare('UPDATE webhooks SET cursor = ?, attempts = 0, next_attempt_at = 0, last_error = NULL, delivered = delivered + 1 WHERE webhook_id = ?').run(seq, webhookId);
  }

  willRetry(webhookId: string, attempts: number, nextAttemptAt: number, error: string): void {
    this.db.prepare('UPDATE webhooks SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE webhook_id = ?').run(attempts, nextAttemptAt, error, webhookId);
  }

  /** The message failed its last attempt: it joins the dead letters and the webhook moves on, in one transaction. */
  deadLettered(letter: Omit<DeadLetter, 'deadLetterId' | 'replay' | 'nextAttemptAt'>): void {
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO dead_letters (webhook_id, partner_id, seq, position, event_id, type, attempts, last_error, dead_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(letter.webhookId, letter.partnerId, letter.seq, letter.position, letter.eventId, letter.type, letter.attempts, letter.lastError, letter.deadAt);
      this.db.prepare('UPDATE webhooks SET cursor = ?, attempts = 0, next_attempt_at = 0, last_error = ? WHERE webhook_id = ?').run(letter.seq, letter.lastError, letter.webhookId);
    })();
  }

  deadLettersOf(partnerId: string): DeadLetter[] {
    return (this.db.prepare('SELECT * FROM dead_letters WHERE partner_id = ? ORDER BY dead_letter_id').all(partnerId) as DeadLetterRow[]).map(toDeadLetter);
  }

  deadLetter(deadLetterId: number): DeadLetter | undefined {
    const row = this.db.prepare('SELECT * FROM dead_letters WHERE dead_letter_id = ?').get(deadLetterId) as DeadLetterRow | undefined;
    return row && toDeadLetter(row);
  }

  /** Queues dead letters for another round of attempts; returns how many. */
  queueReplay(partnerId: string, deadLetterId?: number): number {
    if (deadLetterId !== undefined) return this.db.prepare('UPDATE dead_letters SET replay = 1, attempts = 0, next_attempt_at = 0 WHERE partner_id = ? AND dead_letter_id = ?').run(partnerId, deadLetterId).changes;
    return this.db.prepare('UPDATE dead_letters SET replay = 1, attempts = 0, next_attempt_at = 0 WHERE partner_id = ?').run(partnerId).changes;
  }

  /** The oldest dead letter of the webhook queued for replay and due now. */
  dueReplay(webhookId: string, now: number): DeadLetter | undefined {
    const row = this.db.prepare('SELECT * FROM dead_letters WHERE webhook_id = ? AND replay = 1 AND next_attempt_at <= ? ORDER BY dead_letter_id LIMIT 1').get(webhookId, now) as DeadLetterRow | undefined;
    return row && toDeadLetter(row);
  }

  replayed(deadLetterId: number): void {
    this.db.prepare('DELETE FROM dead_letters WHERE dead_letter_id = ?').run(deadLetterId);
  }

  /** A replay failed: retry later, or (after the last attempt) back to an ordinary dead letter. */
  replayFailed(deadLetterId: number, attempts: number, nextAttemptAt: number | null, error: string): void {
    this.db.prepare('UPDATE dead_letters SET attempts = ?, next_attempt_at = COALESCE(?, 0), replay = ?, last_error = ?, dead_at = CASE WHEN ? IS NULL THEN ? ELSE dead_at END WHERE dead_letter_id = ?')
      .run(attempts, nextAttemptAt, nextAttemptAt === null ? 0 : 1, error, nextAttemptAt, new Date().toISOString(), deadLetterId);
  }

  close(): void {
    this.db.close();
  }
}

interface WebhookRow {
  webhook_id: string; partner_id: string; url: string; sealed_secret: string; created_at: string; cursor: number; attempts: number;
  next_attempt_at: number; last_error: string | null; delivered: number;
}
interface DeadLetterRow {
  dead_letter_id: number; webhook_id: string; partner_id: string; seq: number; position: number; event_id: string; type: string;
  attempts: number; last_error: string; dead_at: string; replay: number; next_attempt_at: number;
}

const toWebhook = (r: WebhookRow): Webhook => ({
  webhookId: r.webhook_id, partnerId: r.partner_id, url: r.url, sealedSecret: r.sealed_secret, createdAt: r.created_at, cursor: r.cursor,
  attempts: r.attempts, nextAttemptAt: r.next_attempt_at, lastError: r.last_error, delivered: r.delivered,
});
const toDeadLetter = (r: DeadLetterRow): DeadLetter => ({
  deadLetterId: r.dead_letter_id, webhookId: r.webhook_id, partnerId: r.partner_id, seq: r.seq, position: r.position, eventId: r.event_id,
  type: r.type, attempts: r.attempts, lastError: r.last_error, deadAt: r.dead_at, replay: r.replay === 1, nextAttemptAt: r.next_attempt_at,
});
