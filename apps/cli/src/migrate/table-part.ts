import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { escapeIdentifier } from 'pg';
import { quotedSchemaName } from '@onedoor/event-store';
import { MigrationPart, MigrationVerificationError } from './migration-part';
import type { ColumnType, StoredTable, TargetDatabase } from './stored-table';

export type { ColumnType, StoredTable, TargetDatabase } from './stored-table';

const BATCH = 1000;
type Row = Record<string, unknown>;

/** One value as both sides compare it: bytes as hex, times as ISO-8601, flags as booleans, JSON as its text. */
function comparable(value: unknown, type: ColumnType): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'bytea') return Buffer.from(value as Uint8Array).toString('hex');
  if (type === 'timestamptz') return new Date(value as string | Date).toISOString();
  if (type === 'integer' || type === 'bigint') return Number(value);
  if (type === 'boolean') return Boolean(Number(value));
  return String(value);
}

/** One value as PostgreSQL takes it: SQL NULL stays NULL (not the JSON text "null"), SQLite's 0/1 flags become booleans. */
function param(value: unknown, type: ColumnType): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'json') return String(value);
  if (type === 'boolean') return Boolean(Number(value));
  return value;
}

/**
 * Copies a stored table row for row (every column kept, created times and generated ids included) and verifies the
 * copy by a hash over the rows in key order on both sides. One part serves every store that moved from a file to
 * PostgreSQL; a `seeded` table (a single-row checkpoint its store writes at open) has that row set instead.
 */
export async function tablePart(spec: StoredTable, dataDir: string, target: TargetDatabase): Promise<MigrationPart> {
  const path = join(dataDir, spec.file);
  const source = existsSync(path) ? new Database(path, { readonly: true, fileMustExist: true }) : undefined;
  await spec.prepare(target);
  const { pool } = target;
  const table = `${quotedSchemaName(target.schema)}.${escapeIdentifier(spec.table)}`;
  const sourceTable = spec.sourceTable ?? spec.table;
  const columns = spec.columns.map((c) => c.name).join(', ');
  const typeOf = new Map(spec.columns.map((c) => [c.name, c.type]));
  const orderBy = (keys: string[]) => (keys.length > 0 ? ` ORDER BY ${keys.join(', ')}` : '');
  // SQLite compares text byte by byte; COLLATE "C" makes PostgreSQL read in that order whatever the database's locale.
  const targetOrder = orderBy(spec.key.map((k) => (typeOf.get(k) === 'text' ? `${k} COLLATE "C"` : k)));
  const cast = (type: ColumnType) => (type === 'json' ? 'text' : type);

  const fileRows = (): IterableIterator<Row> | undefined => {
    if (!source?.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(sourceTable)) return undefined;
    const select = spec.columns.map((c) => `${c.from ?? c.name} AS ${c.name}`).join(', ');
    return source.prepare(`SELECT ${select} FROM ${sourceTable}${orderBy([...spec.key])}`).iterate() as IterableIterator<Row>;
  };
  // What the target must hold: the file's rows; for a seeded table whose file never wrote its row, the seed.
  const sourceRows = (): Iterable<Row> => {
    const rows = fileRows() ?? [];
    if (!spec.seeded) return rows;
    const all = [...rows];
    if (all.length > 1) throw new MigrationVerificationError(`${spec.file} holds ${all.length} rows in ${sourceTable}, where its store keeps one`);
    return all.length === 1 ? all : [spec.seeded];
  };
  const digest = (rows: Iterable<Row>) => {
    const hash = createHash('sha256');
    let count = 0;
    for (const row of rows) {
      hash.update(JSON.stringify(spec.columns.map((c) => comparable(row[c.name], c.type))) + '\n');
      count += 1;
    }
    return { count, sha256: hash.digest('hex') };
  };

  /** A seeded table: its one row set from the source's. */
  const setSeededRow = async (): Promise<number> => {
    const [row] = [...sourceRows()];
    const set = spec.columns.map((c, i) => `${c.name} = $${i + 1}::${cast(c.type)}${c.type === 'json' ? '::json' : ''}`).join(', ');
    await pool.query(`UPDATE ${table} SET ${set}`, spec.columns.map((c) => param(row[c.name], c.type)));
    return 1;
  };

  /** Rows in batches of typed arrays; ids the target would generate are kept as they were. */
  const insertRows = async (progress: (done: number, total: number) => void): Promise<number> => {
    let total = 0;
    for (const _ of sourceRows()) total += 1;
    const identities = spec.columns.filter((c) => c.identity);
    const highest = new Map(identities.map((c) => [c.name, 0]));
    const overriding = identities.length > 0 ? ' OVERRIDING SYSTEM VALUE' : '';
    const selects = spec.columns.map((c, i) => `$${i + 1}::${cast(c.type)}[]`).join(', ');
    const values = spec.columns.map((c) => (c.type === 'json' ? `${c.name}::json` : c.name)).join(', ');
    let done = 0;
    let batch: Row[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const params = spec.columns.map((c) => batch.map((row) => param(row[c.name], c.type)));
      await pool.query(`INSERT INTO ${table} (${columns})${overriding} SELECT ${values} FROM unnest(${selects}) AS r(${columns})`, params);
      done += batch.length;
      batch = [];
      progress(done, total);
    };
    for (const row of sourceRows()) {
      for (const c of identities) highest.set(c.name, Math.max(highest.get(c.name)!, Number(row[c.name])));
      batch.push(row);
      if (batch.length === BATCH) await flush();
    }
    await flush();
    // SQLite's AUTOINCREMENT remembers ids whose rows were deleted (a replayed dead letter): the target must not hand those out again.
    const issued = source?.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'`).get()
      ? (source.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').get(sourceTable) as { seq: number } | undefined)?.seq ?? 0
      : 0;
    for (const [column, high] of highest) {
      const next = Math.max(high, issued);
      if (next > 0) await pool.query('SELECT setval(pg_get_serial_sequence($1, $2), $3)', [table, column, next]);
    }
    return done;
  };

  return {
    name: spec.name,
    async targetCount() {
      if (!spec.seeded) return Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
      const seed = spec.columns.map((c, i) => `$${i + 1}::${cast(c.type)}`).join(', ');
      const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ROW(${columns}) IS DISTINCT FROM ROW(${seed})`, spec.columns.map((c) => spec.seeded![c.name]));
      return Number(rows[0].n);
    },
    copy: (progress) => (spec.seeded ? setSeededRow() : insertRows(progress)),
    async verify() {
      const from = digest(sourceRows());
      const selected = spec.columns.map((c) => (c.type === 'json' ? `${c.name}::text AS ${c.name}` : c.name)).join(', ');
      const { rows } = await pool.query(`SELECT ${selected} FROM ${table}${targetOrder}`);
      const to = digest(rows);
      if (from.sha256 !== to.sha256) throw new MigrationVerificationError(`the copied ${spec.name} differ from the source: ${to.count} rows against ${from.count}`);
      return `${to.count} rows, sha256 ${to.sha256.slice(0, 16)}…`;
    },
    close: async () => {
      source?.close();
    },
  };
}
