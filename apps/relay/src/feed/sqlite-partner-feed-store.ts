import Database from 'better-sqlite3';
import { NewFeedMessage, PartnerFeedStore, StoredFeedMessage } from './partner-feed-store';

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

/** The pull feed in a SQLite file beside the event store (`feed.sqlite`). */
export class SqlitePartnerFeedStore extends PartnerFeedStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly setCheckpoint: Database.Statement;
  private readonly getCheckpoint: Database.Statement<[], { position: number }>;
  private readonly page: Database.Statement<[string, number, number], Row>;
  private readonly rest: Database.Statement<[string, number, number], Row>;
  private readonly after: Database.Statement<[string, number, number], Row>;
  private readonly appendAll: Database.Transaction<(position: number, messages: NewFeedMessage[]) => void>;

  constructor(file: string) {
    super();
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
    this.getCheckpoint = this.db.prepare('SELECT position FROM feed_checkpoint WHERE id = 1');
    this.page = this.db.prepare('SELECT * FROM feed_messages WHERE partner_id = ? AND position > ? ORDER BY seq LIMIT ?');
    this.rest = this.db.prepare('SELECT * FROM feed_messages WHERE partner_id = ? AND position = ? AND seq > ? ORDER BY seq');
    this.after = this.db.prepare('SELECT * FROM feed_messages WHERE partner_id = ? AND seq > ? ORDER BY seq LIMIT ?');
    this.appendAll = this.db.transaction((position: number, messages: NewFeedMessage[]) => {
      const stored = this.getCheckpoint.get()!.position;
      if (stored >= position) return;
      for (const m of messages) {
        if (m.position <= stored) continue;
        this.insert.run(m.position, m.partnerId, m.topic, m.key, JSON.stringify(m.headers), m.body && JSON.stringify(m.body), m.personId, m.personal && JSON.stringify(m.personal));
      }
      this.setCheckpoint.run(position);
    });
  }

  async checkpoint(): Promise<number> {
    return this.getCheckpoint.get()!.position;
  }

  async append(position: number, messages: NewFeedMessage[]): Promise<void> {
    // IMMEDIATE takes the write lock before the checkpoint is read: another process on the same file waits, then skips what this one stored.
    this.appendAll.immediate(position, messages);
  }

  async pageOf(partnerId: string, afterPosition: number, limit: number): Promise<StoredFeedMessage[]> {
    const rows = this.page.all(partnerId, afterPosition, limit);
    const last = rows.at(-1);
    if (rows.length === limit && last) rows.push(...this.rest.all(partnerId, last.position, last.seq));
    return rows.map(toMessage);
  }

  async afterSeq(partnerId: string, seq: number, limit: number): Promise<StoredFeedMessage[]> {
    return this.after.all(partnerId, seq, limit).map(toMessage);
  }

  async message(seq: number): Promise<StoredFeedMessage | undefined> {
    const row = this.db.prepare('SELECT * FROM feed_messages WHERE seq = ?').get(seq) as Row | undefined;
    return row && toMessage(row);
  }

  async lastSeq(): Promise<number> {
    return (this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM feed_messages').get() as { seq: number }).seq;
  }

  async close(): Promise<void> {
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
