import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { createTablesOnce, PostgresChannelListener, quotedSchemaName } from '@onedoor/event-store';
import { PersonKeyStore } from './person-key-store';

export interface PostgresPersonKeyStoreOptions {
  /** Shared with the caller, who ends it after close(). */
  pool: Pool;
  /** The schema holding the consortium's tables (the event log's). */
  schema: string;
  /** How long to wait before listening again after the LISTEN connection dropped. */
  reconnectMs?: number;
}

/** Erasure of a person whose key is already gone here: no key is ever made for them again. */
export class PersonErasedError extends Error {
  constructor(readonly personId: string) {
    super(`person ${personId} was erased: no key is made for them again`);
    this.name = 'PersonErasedError';
  }
}

/**
 * Person keys in PostgreSQL, shared by every instance of the distributed deployment.
 *
 * **Choice: storage decides, a synchronous cache answers reads.** Creating and destroying go to the table and
 * are awaited; `find` (which read models call while answering a query) reads a cache of what this instance knows.
 * - *One key per person:* `obtain` is `INSERT … ON CONFLICT DO NOTHING`, then a fresh read, against the primary
 *   key; two instances obtaining at once get the one key that committed. The cache never mints.
 * - *Durable first:* `obtain` resolves only after its insert committed, so any event sealed with the key commits
 *   after it (synchronous_commit as configured on the server; the default is on).
 * - *No live data shown as erased:* at open the whole table is loaded, and after that the instance learns each key
 *   from the log: the platform's event store hands no event to a read model, a feed or a handler before the key
 *   of the person it names has been looked up here (`learn`, the awaitable miss path). A key is durable before the
 *   person's first event commits, so the look-up after seeing the event always finds it, unless it was destroyed.
 * - *An erasure on one instance reaches the others:* `destroy` deletes the row and NOTIFYs the person id on the
 *   schema's channel in the same statement; every instance LISTENs and drops its cached key when told. Should the
 *   LISTEN connection drop, the instance re-checks every cached key against the table once it is back; and the
 *   `PersonErased` event in the log drops the key too (`forgetErased`), whatever the notifications did.
 * - *Erasure is for good:* a key dropped for erasure is never cached again, and `obtain` refuses such a person.
 *
 * Chosen over making every read asynchronous: read models open sealed fields deep inside synchronous queries and
 * filters, and the partner feed seals while it follows the log; a cache fed in log order serves them exactly.
 * What PostgreSQL cannot do that the SQLite store does: overwrite a deleted key's bytes. A deleted row stays in
 * its page (and in WAL, replicas and backups) until VACUUM reuses the space; keep the server's disk encrypted and
 * its backups short-lived.
 */
export class PostgresPersonKeyStore implements PersonKeyStore {
  /** A live key, or null for a person erased (for good). Absent: not known here yet. */
  private readonly known = new Map<string, Buffer | null>();
  private listener: PostgresChannelListener | undefined;

  private constructor(
    private readonly pool: Pool,
    private readonly table: string,
    private readonly channel: string,
  ) {}

  /** Creates the table when absent, starts listening for erasures, then loads every key. */
  static async open({ pool, schema, reconnectMs }: PostgresPersonKeyStoreOptions): Promise<PostgresPersonKeyStore> {
    const quoted = quotedSchemaName(schema);
    const store = new PostgresPersonKeyStore(pool, `${quoted}.person_keys`, `onedoor_keys_${schema}`.slice(0, 63));
    await createTablesOnce(pool, schema, [
      `CREATE TABLE IF NOT EXISTS ${store.table} (
         person_id  text        PRIMARY KEY,
         key        bytea       NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
    ]);
    // Listening before loading: an erasure committed after the load's snapshot is then heard, never missed.
    store.listener = await PostgresChannelListener.start(pool, store.channel, (personId) => store.heard(personId), reconnectMs);
    const { rows } = await pool.query<{ person_id: string; key: Buffer }>(`SELECT person_id, key FROM ${store.table}`);
    for (const row of rows) store.remember(row.person_id, row.key);
    return store;
  }

  /** Whether erasures made by other instances reach this one now (false while the LISTEN connection is down). */
  get listening(): boolean {
    return this.listener?.listening ?? false;
  }

  async obtain(personId: string): Promise<Buffer> {
    const cached = this.known.get(personId);
    if (cached) return cached;
    if (cached === null) throw new PersonErasedError(personId);
    // Two statements, not one: a single INSERT … RETURNING with a fallback SELECT reads one snapshot, which
    // misses the row a concurrent obtain committed while this insert waited on it.
    for (;;) {
      const inserted = await this.pool.query<{ key: Buffer }>(
        `INSERT INTO ${this.table} (person_id, key) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING RETURNING key`,
        [personId, randomBytes(32)],
      );
      const key = inserted.rows[0]?.key ?? (await this.stored(personId));
      // Undefined only when another instance destroyed the row between the two statements: try again.
      if (key) return this.remember(personId, key);
    }
  }

  find(personId: string): Buffer | undefined {
    return this.known.get(personId) ?? undefined;
  }

  async lookup(personId: string): Promise<Buffer | undefined> {
    const key = await this.stored(personId);
    if (key) this.remember(personId, key);
    else if (this.known.get(personId)) this.known.set(personId, null);
    return key;
  }

  /** Looks up, in one query, the keys of the given people this instance does not know yet. */
  async learn(personIds: Iterable<string>): Promise<void> {
    const unknown = [...new Set(personIds)].filter((id) => !this.known.has(id));
    if (unknown.length === 0) return;
    const { rows } = await this.pool.query<{ person_id: string; key: Buffer }>(`SELECT person_id, key FROM ${this.table} WHERE person_id = ANY($1)`, [unknown]);
    // Not found stays unknown: an id can appear in the log before its person is registered (or never be).
    for (const row of rows) this.remember(row.person_id, row.key);
  }

  /** Whether `learn` would have to ask storage about the person. */
  knows(personId: string): boolean {
    return this.known.has(personId);
  }

  /** The log says the person was erased: drop the key here now, before the instance that erased them destroys it. */
  forgetErased(personId: string): void {
    this.known.set(personId, null);
  }

  async destroy(personId: string): Promise<void> {
    // One statement, so the delete and the announcement commit together: no instance is told of an erasure that
    // did not happen, and none misses one that did (pg_notify is delivered at commit).
    await this.pool.query(`WITH gone AS (DELETE FROM ${this.table} WHERE person_id = $1) SELECT pg_notify($2, $1)`, [personId, this.channel]);
    this.known.set(personId, null);
  }

  /** Stops listening; the pool is the caller's. */
  async close(): Promise<void> {
    await this.listener?.stop();
  }

  private async stored(personId: string): Promise<Buffer | undefined> {
    const { rows } = await this.pool.query<{ key: Buffer }>(`SELECT key FROM ${this.table} WHERE person_id = $1`, [personId]);
    return rows[0]?.key;
  }

  /** Caches a key read from storage, unless the person was erased meanwhile (erasure always wins). */
  private remember(personId: string, key: Buffer): Buffer {
    if (!this.known.has(personId)) this.known.set(personId, key);
    return key;
  }

  /** A person id: another instance destroyed that key. Undefined: listening again after a drop, so re-check all. */
  private heard(personId: string | undefined): void {
    if (personId !== undefined) {
      this.known.set(personId, null);
      return;
    }
    void this.recheck().catch(() => undefined);
  }

  /** Drops every cached key whose row is gone (erasures announced while this instance was not listening). */
  private async recheck(): Promise<void> {
    const { rows } = await this.pool.query<{ person_id: string }>(`SELECT person_id FROM ${this.table}`);
    const stored = new Set(rows.map((row) => row.person_id));
    for (const [personId, key] of this.known) if (key && !stored.has(personId)) this.known.set(personId, null);
  }
}
