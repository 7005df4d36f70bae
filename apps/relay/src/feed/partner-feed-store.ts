import Database from 'better-sqlite3';
import type { SealedPersonalData } from '@onedoor/domain';

/** One stored partner-stream message. Personal fields are kept sealed with the person's key, apart from the rest. */
export interface StoredFeedMessage {
  seq: number;
  position: number;
  partnerId: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  /** The body without its `personal` field; null for a tombstone. */
  body: Record<string, unknown> | null;
  personId: string | null;
  personal: SealedPersonalData | null;
}

export type NewFeedMessage = Omit<StoredFeedMessage, 'seq'>;

interface Row {
  seq: number;
  position: number;
  partner_id: string;
  topic: string;
  key: string;
  headers: string;
  body: string | null;
  person_id: string | null;
  personal: string | null;
}

/**
 * The pull feed's messages for every partner, in a SQLite file beside the event store (`feed.sqlite`). On disk,
 * not in memory: a consortium's log grows to millions of events and each fans out to several partners. Nothing
 * personal is stored in plaintext: `personal` stays sealed, so erasing the person (destroying their key) erases
 * it here too.
 */
export class PartnerFeedStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly setCheckpoint: Database.Statement;
  private readonly page: Database.Statement<[string, number, number], Row>;
  private readonly rest: Database.Statement<[string, number, number], Row>;
  private readonly after: Database.Statement<[string, number, number], Row>;
  private readonly appendAll: (position: number, messages: NewFeedMessage[]) => void;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // A lost tail is rebuilt from the event log at the next start: the checkpoint moves in the same transaction.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS feed_messages (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, position INTEGER NOT NULL, partner_id TEXT NOT NULL, topic TEXT NOT NULL,
        key TEXT NOT NULL, headers TEXT NOT NULL, body TEXT, person_id TEXT, personal TEXT);
      CREATE INDEX IF NOT EXISTS feed_by_partner ON feed_messages (partner_id, seq);
      CREATE TABLE IF NOT EXISTS feed_checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL);
      INSERT OR IGNORE INTO feed_checkpoint VALUES (1, 0);`);
    this.insert = this.db.prepare('INSERT INTO feed_messages (position, partner_id, topic, key, headers, body, person_id, personal) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    this.setCheckpoint = this.db.prepare('UPDATE feed_checkpoint SET position = ? WHERE id = 1');
    // Seq follows position (messages are appended in log order), so pages read in seq order.
    this.page = this.db.prepare('SELECT * FROM feed_messages WHERE partner_id = ? AND position > ? ORDER BY seq LIMIT ?');
    this.rest = this.db.prepare('SELECT * FROM feed_messages WHERE partner_id = ? AND position = ? AND seq > ? ORDER BY seq');
    this.after = this.db.prepare('SELECT * FROM feed_messages WHERE partner_id = ? AND seq > ? ORDER BY seq LIMIT ?');
    this.appendAll = this.db.transaction((position: number, messages: NewFeedMessage[]) => {
      for (const m of messages) {
        this.insert.run(m.position, m.partnerId, m.topic, m.key, JSON.stringify(m.headers), m.body && JSON.stringify(m.body), m.personId, m.personal && JSON.stringify(m.personal));
      }
      this.setCheckpoint.run(position);
    });
  }

  /** Position of the last event whose messages are stored. */
  checkpoint(): number {
    return (this.db.prepare('SELECT position FROM feed_checkpoint WHERE id = 1').get() as { position: number }).position;
  }

  /** Stores the messages of the events up to `position` (one or many) and moves the checkpoint to it, atomically. */
  append(position: number, messages: NewFeedMessage[]): void {
    this.appendAll(position, messages);
  }

  /**
   * A partner's messages of events after `afterPosition`: about `limit` of them, never splitting one event's
   * messages across pages, so the next page can start after the last position.
   */
  pageOf(partnerId: string, afterPosition: number, limit: number): StoredFeedMessage[] {
    const rows = this.page.all(partnerId, afterPosition, limit);
    const last = rows.at(-1);
    if (rows.length === limit && last) rows.push(...this.rest.all(partnerId, last.position, last.seq));
    return rows.map(toMessage);
  }

  /** A partner's messages after a feed sequence number, for webhook delivery cursors. */
  afterSeq(partnerId: string, seq: number, limit: number): StoredFeedMessage[] {
    return this.after.all(partnerId, seq, limit).map(toMessage);
  }

  message(seq: number): StoredFeedMessage | undefined {
    const row = this.db.prepare('SELECT * FROM feed_messages WHERE seq = ?').get(seq) as Row | undefined;
    return row && toMessage(row);
  }

  /** The newest sequence number: a new webhook starts after it. */
  lastSeq(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM feed_messages').get() as { seq: number }).seq;
  }

  close(): void {
    this.db.close();
  }
}

function toMessage(row: Row): StoredFeedMessage {
  return {
    seq: row.seq,
    position: row.position,
    partnerId: row.partner_id,
    topic: row.topic,
    key: row.key,
    headers: JSON.parse(row.headers),
    body: row.body === null ? null : JSON.parse(row.body),
    personId: row.person_id,
    personal: row.personal === null ? null : JSON.parse(row.personal),
  };
}
