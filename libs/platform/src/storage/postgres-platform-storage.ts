import { PostgresEventStore } from '@onedoor/event-store';
import { PostgresPersonKeyStore } from '@onedoor/personal-data';
import { PostgresIdempotencyStore } from '../http/postgres-idempotency-store';
import { KeyLearningEventStore } from './key-learning-event-store';
import type { PlatformStorage } from './platform-storage';
import { postgresPool, postgresPoolSettings, redactedDatabaseUrl } from './postgres-connection';
import { reasonOf, StorageUnavailableError } from './storage-unavailable-error';

/**
 * The distributed deployment's storage: the log, the person keys and the stored answers as tables in one schema,
 * so any instance can serve any request. The event store owns its pool (its LISTEN connection and group commits);
 * the keys and the answers share a second one. The log is handed out through KeyLearningEventStore, so this
 * instance knows a person's key before anything here sees their events.
 */
export async function openPostgresStorage(databaseUrl: string, schema: string): Promise<PlatformStorage> {
  const where = `PostgreSQL at ${redactedDatabaseUrl(databaseUrl)} (schema ${schema})`;
  let log: PostgresEventStore;
  try {
    log = await PostgresEventStore.open({ pool: postgresPoolSettings(databaseUrl), schema });
  } catch (error) {
    throw new StorageUnavailableError(`cannot open the event store in ${where}: ${reasonOf(error)}`);
  }
  const pool = postgresPool(databaseUrl);
  let keys: PostgresPersonKeyStore | undefined;
  try {
    keys = await PostgresPersonKeyStore.open({ pool, schema });
    const idempotency = await PostgresIdempotencyStore.open({ pool, schema });
    const events = new KeyLearningEventStore(log, keys);
    const opened = keys;
    return {
      kind: 'postgres',
      events,
      keys,
      idempotency,
      health: () =>
        opened.listening
          ? { status: 'ok', detail: `postgres schema ${schema}` }
          : { status: 'degraded', detail: `postgres schema ${schema}: not hearing other instances' erasures (reconnecting); the log still tells` },
      close: async () => {
        await events.close();
        await opened.close();
        await idempotency.close();
        await pool.end();
      },
    };
  } catch (error) {
    await keys?.close().catch(() => undefined);
    await log.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
    throw new StorageUnavailableError(`cannot open the person keys or stored answers in ${where}: ${reasonOf(error)}`);
  }
}
