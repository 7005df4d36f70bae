import { digestLog, PostgresLogImport, SqliteEventLogReader } from '@onedoor/event-store';
import type { Pool } from 'pg';
import { MigrationPart, MigrationVerificationError } from './migration-part';

const BATCH = 2000;

/** The event log: every event at the same position and version, with the same id and commit time. */
export async function eventLogPart(sourceFile: string, pool: Pool, schema: string): Promise<MigrationPart> {
  const source = new SqliteEventLogReader(sourceFile);
  const target = await PostgresLogImport.open(pool, schema);
  return {
    name: 'event log',
    targetCount: () => target.count(),
    async copy(progress) {
      const head = source.head();
      let done = 0;
      for (const batch of source.batches(0, BATCH, head)) {
        await target.importBatch(batch);
        done += batch.length;
        progress(done, head);
      }
      return done;
    },
    async verify() {
      const [from, to] = [await digestLog(source.batches(0, BATCH)), await digestLog(target.batches(BATCH))];
      if (from.sha256 !== to.sha256 || from.events !== to.events) {
        throw new MigrationVerificationError(`the copied log differs from the source: ${to.events} events (sha256 ${to.sha256}) against ${from.events} (sha256 ${from.sha256})`);
      }
      return `${to.events} events, positions 1–${to.head}, sha256 ${to.sha256.slice(0, 16)}…`;
    },
    close: async () => source.close(),
  };
}
