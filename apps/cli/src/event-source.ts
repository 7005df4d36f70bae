import { SqliteEventLogReader } from '@onedoor/event-store';
import { join } from 'node:path';

/** Where a replay or export reads the log from, as the analyst names it on the command line. */
export interface EventSourceOptions {
  /** `sqlite:<file>`; the analyst tools do not read PostgreSQL or KurrentDB yet. */
  store?: string;
  /** The platform's DATA_DIR: its events.sqlite is read when no --store is given. */
  dataDir: string;
}

export class UsageError extends Error {}

export function openEventSource(options: EventSourceOptions): SqliteEventLogReader {
  const store = options.store ?? `sqlite:${join(options.dataDir, 'events.sqlite')}`;
  const [kind, ...rest] = store.split(':');
  const location = rest.join(':');
  if (kind === 'sqlite' && location) return new SqliteEventLogReader(location);
  if (kind === 'postgres' || kind === 'postgresql' || kind === 'kurrentdb' || kind === 'esdb') {
    throw new UsageError(`--store ${kind}: the analyst tools read SQLite files only, so far (onedoor migrate copies one into PostgreSQL)`);
  }
  throw new UsageError(`--store must look like sqlite:<file>, not ${store}`);
}
