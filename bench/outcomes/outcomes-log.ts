import BetterSqlite3 from 'better-sqlite3';
import { createEventTable } from '@onedoor/event-store/sqlite-event-table';
import { generateOutcomes, schemaVersionOf } from '@onedoor/projections/outcomes/testing/generated-outcomes';

/** Participants per generated chunk: enough for realistic streams, small enough to keep the generator's memory flat. */
const CHUNK = 2_000;

/**
 * Writes `events` events of the generated payment-by-results consortium (referrals, support, spells in work,
 * completions, group sessions, claim changes) straight into the store's own table, chunk by chunk.
 */
export function writeOutcomesLog(file: string, events: number): { participants: number } {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  createEventTable(db);
  const insert = db.prepare('INSERT INTO events (id, stream, version, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const flush = db.transaction((rows: unknown[][]) => rows.forEach((row) => insert.run(...row)));
  const versions = new Map<string, number>();
  let written = 0;
  let participants = 0;
  for (let chunk = 0; written < events; chunk++) {
    const { events: generated } = generateOutcomes({ seed: 7 + chunk, participants: CHUNK, firstParticipant: chunk * CHUNK, setUp: chunk === 0, sessions: 30 });
    participants += CHUNK;
    const rows: unknown[][] = [];
    for (const { stream, event } of generated) {
      if (written >= events) break;
      const version = (versions.get(stream) ?? 0) + 1;
      versions.set(stream, version);
      const metadata = { staffId: 'staff-1', partnerId: 'hub', correlationId: `corr-${written >> 2}` };
      rows.push([`evt-${written}`, stream, version, event.type, schemaVersionOf(event), JSON.stringify(event.data), JSON.stringify(metadata), '2026-01-01T00:00:00.000Z']);
      written += 1;
    }
    flush(rows);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { participants };
}
