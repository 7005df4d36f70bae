import type { Pool } from 'pg';
import { inTransaction, openRelayTables, qualified, RelayPostgresOptions } from '../postgres/relay-postgres';
import { NewFeedMessage, PartnerFeedStore, StoredFeedMessage } from './partner-feed-store';

interface Row {
  seq: string;
  position: string;
  partner_id: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  body: Record<string, unknown> | null;
  person_id: string | null;
  personal: StoredFeedMessage['personal'];
}

/**
 * The pull feed in PostgreSQL (`partner_feed_messages`, `partner_feed_checkpoint` in the deployment's schema),
 * shared by every instance that serves the feed or delivers webhooks.
 *
 * One writer at a time: `append` locks the checkpoint row (FOR UPDATE), stores only the messages of events past
 * it and moves it, in one transaction. So when several processes project the same log, the first to store a
 * range wins and the others find the checkpoint already there and write nothing; and `seq` (an identity) is only
 * ever taken under that lock, so it follows the log order and a reader after seq n never misses a message
 * committed later with a smaller one. UNIQUE (position, partner_id, part) is the last line of defence.
 * `json`, not `jsonb`: bodies are kept exactly as serialised.
 */
export class PostgresPartnerFeedStore extends PartnerFeedStore {
  private constructor(private readonly pool: Pool, private readonly messages: string, private readonly checkpoints: string) {
    super();
  }

  static async open(options: RelayPostgresOptions): Promise<PostgresPartnerFeedStore> {
    const messages = qualified(options.schema, 'partner_feed_messages');
    const checkpoints = qualified(options.schema, 'partner_feed_checkpoint');
    const pool = await openRelayTables(options, 'partner-feed', [
      `CREATE TABLE IF NOT EXISTS ${messages} (
         seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, position bigint NOT NULL, partner_id text NOT NULL,
         part integer NOT NULL, topic text NOT NULL, key text NOT NULL, headers json NOT NULL, body json, person_id text, personal json,
         UNIQUE (position, partner_id, part))`,
      `CREATE INDEX IF NOT EXISTS partner_feed_by_partner ON ${messages} (partner_id, seq)`,
      `CREATE INDEX IF NOT EXISTS partner_feed_by_partner_position ON ${messages} (partner_id, position)`,
      `CREATE TABLE IF NOT EXISTS ${checkpoints} (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row), position bigint NOT NULL)`,
      `INSERT INTO ${checkpoints} (only_row, position) VALUES (true, 0) ON CONFLICT (only_row) DO NOTHING`,
    ]);
    return new PostgresPartnerFeedStore(pool, messages, checkpoints);
  }

  async checkpoint(): Promise<number> {
    const { rows } = await this.pool.query<{ position: string }>(`SELECT position FROM ${this.checkpoints}`);
    return Number(rows[0].position);
  }

  async append(position: number, messages: NewFeedMessage[]): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ position: string }>(`SELECT position FROM ${this.checkpoints} FOR UPDATE`);
      const stored = Number(rows[0].position);
      if (stored >= position) return;
      const fresh = withParts(messages.filter((m) => m.position > stored));
      if (fresh.length > 0) {
        const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
        await client.query(
          `INSERT INTO ${this.messages} (position, partner_id, part, topic, key, headers, body, person_id, personal)
           SELECT position, partner_id, part, topic, key, headers, body, person_id, personal
           FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[], $5::text[], $6::json[], $7::json[], $8::text[], $9::json[])
             WITH ORDINALITY AS m (position, partner_id, part, topic, key, headers, body, person_id, personal, n)
           ORDER BY n
           ON CONFLICT (position, partner_id, part) DO NOTHING`,
          [
            fresh.map((m) => m.position), fresh.map((m) => m.partnerId), fresh.map((m) => m.part), fresh.map((m) => m.topic), fresh.map((m) => m.key),
            fresh.map((m) => JSON.stringify(m.headers)), fresh.map((m) => json(m.body)), fresh.map((m) => m.personId), fresh.map((m) => json(m.personal)),
          ],
        );
      }
      await client.query(`UPDATE ${this.checkpoints} SET position = $1`, [position]);
    });
  }

  async pageOf(partnerId: string, afterPosition: number, limit: number): Promise<StoredFeedMessage[]> {
    const { rows } = await this.pool.query<Row>(`SELECT * FROM ${this.messages} WHERE partner_id = $1 AND position > $2 ORDER BY seq LIMIT $3`, [partnerId, afterPosition, limit]);
    const last = rows.at(-1);
    if (rows.length === limit && last) {
      const rest = await this.pool.query<Row>(`SELECT * FROM ${this.messages} WHERE partner_id = $1 AND position = $2 AND seq > $3 ORDER BY seq`, [partnerId, last.position, last.seq]);
      rows.push(...rest.rows);
    }
    return rows.map(toMessage);
  }

  async afterSeq(partnerId: string, seq: number, limit: number): Promise<StoredFeedMessage[]> {
    const { rows } = await this.pool.query<Row>(`SELECT * FROM ${this.messages} WHERE partner_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [partnerId, seq, limit]);
    return rows.map(toMessage);
  }

  async message(seq: number): Promise<StoredFeedMessage | undefined> {
    const { rows } = await this.pool.query<Row>(`SELECT * FROM ${this.messages} WHERE seq = $1`, [seq]);
    return rows[0] && toMessage(rows[0]);
  }

  async lastSeq(): Promise<number> {
    const { rows } = await this.pool.query<{ seq: string }>(`SELECT COALESCE(MAX(seq), 0) AS seq FROM ${this.messages}`);
    return Number(rows[0].seq);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Numbers each event's messages per partner (0, 1, …) in the order given: the key that makes a message unique. */
function withParts(messages: NewFeedMessage[]): (NewFeedMessage & { part: number })[] {
  const next = new Map<string, number>();
  return messages.map((m) => {
    const key = `${m.position}\u0000${m.partnerId}`;
    const part = next.get(key) ?? 0;
    next.set(key, part + 1);
    return { ...m, part };
  });
}

function toMessage(row: Row): StoredFeedMessage {
  return {
    seq: Number(row.seq),
    position: Number(row.position),
    partnerId: row.partner_id,
    topic: row.topic,
    key: row.key,
    headers: row.headers,
    body: row.body,
    personId: row.person_id,
    personal: row.personal,
  };
}
