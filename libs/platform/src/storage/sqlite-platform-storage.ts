import { join } from 'node:path';
import { SqliteEventStore } from '@onedoor/event-store';
import { SqlitePersonKeyStore } from '@onedoor/personal-data';
import { SqliteIdempotencyStore } from '../http/sqlite-idempotency-store';
import type { PlatformStorage } from './platform-storage';

/** The embedded default: three SQLite files in the data directory, owned by this one process. */
export function openSqliteStorage(dataDir: string): PlatformStorage {
  const events = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
  const keys = new SqlitePersonKeyStore(join(dataDir, 'person-keys.sqlite'));
  const idempotency = new SqliteIdempotencyStore(join(dataDir, 'requests.sqlite'));
  return {
    kind: 'sqlite',
    events,
    keys,
    idempotency,
    health: () => ({ status: 'ok', detail: `sqlite files in ${dataDir}` }),
    close: async () => {
      await events.close();
      await keys.close();
      await idempotency.close();
    },
  };
}
