import BetterSqlite3 from 'better-sqlite3';
import { createEventTable } from '@onedoor/event-store/sqlite-event-table';
import { SqliteEventStore } from '@onedoor/event-store';
import { DirectoryProjection, InMemoryDirectoryReadModel } from '@onedoor/projections';
import { scratchDir } from '../scratch-dir';
import { perSecond, startTimer } from '../timing';
import { StreamedEvent, directoryEvents, referralEvents, schemaVersionOf, serviceChangeEvents } from './generated-consortium';

export interface RebuildBenchResult {
  events: number;
  services: number;
  fileMiB: number;
  batchSize: number;
  /** Events/s per repetition, raw and rebuild taking turns. */
  rawPerSec: number[];
  rebuildPerSec: number[];
  /** Mean rebuild rate ÷ mean raw rate. */
  ratio: number;
}

/** The catch-up subscription's batch size, so the rebuild reads the log as the runner does. */
const BATCH = 500;

/** The log of a big consortium: its directory, then partners' capacity and description changes, then referral traffic up to `events`. */
function* logOf(events: number, services: number): Generator<StreamedEvent> {
  let count = 0;
  const all = [directoryEvents(services), serviceChangeEvents(Math.floor(events * 0.15), services), referralEvents(Number.MAX_SAFE_INTEGER, services)];
  for (const source of all) {
    for (const e of source) {
      if (count++ >= events) return;
      yield e;
    }
  }
}

/** Writes the rows straight into the store's own table (created by the store's createEventTable), in big transactions. */
function generate(file: string, events: number, services: number): void {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  createEventTable(db);
  const insert = db.prepare('INSERT INTO events (id, stream, version, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const versions = new Map<string, number>();
  const rows: unknown[][] = [];
  const flush = db.transaction((batch: unknown[][]) => batch.forEach((row) => insert.run(...row)));
  let i = 0;
  for (const { stream, event } of logOf(events, services)) {
    const version = (versions.get(stream) ?? 0) + 1;
    versions.set(stream, version);
    const metadata = { correlationId: `corr-${i >> 2}`, actor: { staffId: 'staff-1', partnerId: 'partner-0' } };
    rows.push([`evt-${i}`, stream, version, event.type, schemaVersionOf(event), JSON.stringify(event.data), JSON.stringify(metadata), '2026-01-01T00:00:00.000Z']);
    i += 1;
    if (rows.length === 20_000) flush(rows.splice(0));
  }
  flush(rows.splice(0));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** The machine's raw rate: the store's own SELECT, in the same batches, and JSON.parse of data and metadata. Nothing else. */
export function rawReadAndParse(file: string): { events: number; ms: number } {
  const db = new BetterSqlite3(file, { readonly: true });
  const select = db.prepare<[number, number], { position: number; data: string; metadata: string }>(
    'SELECT position, id, stream, version, type, schema_version AS schemaVersion, data, metadata, recorded_at AS recordedAt FROM events WHERE position > ? ORDER BY position LIMIT ?',
  );
  const elapsed = startTimer();
  let after = 0;
  let events = 0;
  let sink = 0;
  for (;;) {
    const rows = select.all(after, BATCH);
    for (const row of rows) {
      const data = JSON.parse(row.data);
      const metadata = JSON.parse(row.metadata);
      sink += data === metadata ? 1 : 0;
    }
    events += rows.length;
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1].position;
  }
  const ms = elapsed();
  db.close();
  if (sink < 0) console.log(sink);
  return { events, ms };
}

/** The directory rebuilt from the same file through the real store's readAll, as the projection runner feeds it. */
async function rebuildDirectory(file: string): Promise<{ events: number; ms: number; services: number }> {
  const store = new SqliteEventStore({ file });
  const projection = new DirectoryProjection(new InMemoryDirectoryReadModel());
  const elapsed = startTimer();
  projection.reset();
  let after = 0;
  let events = 0;
  for (;;) {
    const batch = await store.readAll(after, BATCH);
    for (const event of batch) projection.apply(event);
    events += batch.length;
    if (batch.length < BATCH) break;
    after = batch[batch.length - 1].position;
  }
  // The rebuild is done when staff can search it: the in-process read model indexes on the first search.
  const firstSearch = await projection.readModel.search({ words: ['advice'], offset: 0, limit: 10 });
  const ms = elapsed();
  if (firstSearch.total === 0) throw new Error('the rebuilt directory found nothing for "advice"');
  const services = (await projection.readModel.services()).length;
  await store.close();
  return { events, ms, services };
}

export async function runRebuildBench(plan: { events: number; services: number; repetitions: number }, progress: (line: string) => void): Promise<RebuildBenchResult> {
  const dir = scratchDir('directory');
  try {
    const file = dir.file('events.sqlite');
    progress(`(d) rebuild: generating ${plan.events.toLocaleString('en-GB')} events into ${file}…`);
    generate(file, plan.events, plan.services);
    const { statSync } = await import('node:fs');
    const fileMiB = statSync(file).size / 2 ** 20;
    const rawPerSec: number[] = [];
    const rebuildPerSec: number[] = [];
    let services = 0;
    for (let rep = 0; rep < plan.repetitions; rep++) {
      progress(`(d) rebuild: repetition ${rep + 1} of ${plan.repetitions}: raw read-and-parse, then directory rebuild…`);
      const raw = rawReadAndParse(file);
      rawPerSec.push(perSecond(raw.events, raw.ms));
      const rebuilt = await rebuildDirectory(file);
      if (rebuilt.events !== raw.events) throw new Error(`rebuild read ${rebuilt.events} events, raw ${raw.events}`);
      rebuildPerSec.push(perSecond(rebuilt.events, rebuilt.ms));
      services = rebuilt.services;
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    return { events: plan.events, services, fileMiB, batchSize: BATCH, rawPerSec, rebuildPerSec, ratio: mean(rebuildPerSec) / mean(rawPerSec) };
  } finally {
    dir.dispose();
  }
}
