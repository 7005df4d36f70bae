import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Pool } from 'pg';
import { quotedSchemaName } from '@onedoor/event-store';
import { MigrationPart, MigrationVerificationError } from './migration-part';

/** How a column travels: SQLite keeps text, integers and blobs; PostgreSQL gets the typed column. */
export type ColumnType = 'text' | 'integer' | 'bigint' | 'bytea' | 'json' | 'timestamptz';

/** A table of one of the platform's SQLite files and its PostgreSQL twin (same name, same columns). */
export interface StoredTable {
  /** What the operator reads: "person keys". */
  name: string;
  /** The file in DATA_DIR; a file that was never made copies nothing. */
  file: string;
  table: string;
  columns: ReadonlyArray<{ name: string; type: ColumnType }>;
  /** Creates the target table the way its store does (opening the store once). */
  prepare(pool: Pool, schema: string): Promise<void>;
}

const BATCH = 1000;

/** One value as both sides compare it: bytes as hex, times as ISO-8601, JSON as its text. */
function comparable(value: unknown, type: ColumnType): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'bytea') return Buffer.from(value as Uint8Array).toString('hex');
  if (type === 'timestamptz') return new Date(value as string | Date).toISOString();
  if (type === 'integer' || type === 'bigint') return Number(value);
  return String(value);
}

/**
 * Copies a stored table row for row (every column kept, created times included) and verifies the copy by a hash
 * over the rows in key order on both sides. One part serves every store that moved from a file to PostgreSQL.
 */
export async function tablePart(spec: StoredTable, dataDir: string, pool: Pool, schema: string): Promise<MigrationPart> {
  const path = `${dataDir}/${spec.file}`;
  const source = existsSync(path) ? new Database(path, { readonly: true, fileMustExist: true }) : undefined;
  await spec.prepare(pool, schema);
  const target = `${quotedSchemaName(schema)}.${spec.table}`;
  const names = spec.columns.map((c) => c.name);
  const order = names.join(', ');
  // Ordered by every column, the key first: the same order on both sides whatever the engines' defaults.
  const sourceRows = (): IterableIterator<Record<string, unknown>> =>
    source && source.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`).get(spec.table)
      ? (source.prepare(`SELECT ${order} FROM ${spec.table} ORDER BY ${order}`).iterate() as IterableIterator<Record<string, unknown>>)
      : [][Symbol.iterator]();
  const sourceCount = () => {
    let n = 0;
    for (const _ of sourceRows()) n += 1;
    return n;
  };
  const digest = (rows: Iterable<Record<string, unknown>>) => {
    const hash = createHash('sha256');
    let count = 0;
    for (const row of rows) {
      hash.update(JSON.stringify(spec.columns.map((c) => comparable(row[c.name], c.type))) + '\n');
      count += 1;
    }
    return { count, sha256: hash.digest('hex') };
  };
  return {
    name: spec.name,
    async targetCount() {
      const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${target}`);
      return Number(rows[0].n);
    },
    async copy(progress) {
      const total = sourceCount();
      let done = 0;
      let batch: Array<Record<string, unknown>> = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const params = spec.columns.map((c) => batch.map((row) => (c.type === 'json' ? String(row[c.name]) : row[c.name] ?? null)));
        const selects = spec.columns.map((c, i) => `$${i + 1}::${c.type === 'json' ? 'text' : c.type}[]`).join(', ');
        const casts = spec.columns.map((c) => (c.type === 'json' ? `${c.name}::json` : c.name)).join(', ');
        await pool.query(`INSERT INTO ${target} (${order}) SELECT ${casts} FROM unnest(${selects}) AS r(${order})`, params);
        done += batch.length;
        batch = [];
        progress(done, total);
      };
      for (const row of sourceRows()) {
        batch.push(row);
        if (batch.length === BATCH) await flush();
      }
      await flush();
      return done;
    },
    async verify() {
      const from = digest(sourceRows());
      const selected = spec.columns.map((c) => (c.type === 'json' ? `${c.name}::text AS ${c.name}` : c.name)).join(', ');
      const { rows } = await pool.query(`SELECT ${selected} FROM ${target} ORDER BY ${order}`);
      const to = digest(rows);
      if (from.sha256 !== to.sha256) throw new MigrationVerificationError(`the copied ${spec.name} differ from the source: ${to.count} rows against ${from.count}`);
      return `${to.count} rows, sha256 ${to.sha256.slice(0, 16)}…`;
    },
    close: async () => {
      source?.close();
    },
  };
}
