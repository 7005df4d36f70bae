import type { EventStore } from '@onedoor/event-store';
import type { PersonKeyStore } from '@onedoor/personal-data';
import type { ComponentHealth } from '../health/health-registry';
import type { IdempotencyStore } from '../http/idempotency-store';

/**
 * Everything the platform keeps, opened together from the configuration: the event log, the person keys and the
 * stored first answers. SQLite files in DATA_DIR for the embedded default (one process), or tables in one
 * PostgreSQL schema shared by every instance (EVENT_STORE=postgres).
 */
export interface PlatformStorage {
  readonly kind: 'sqlite' | 'postgres';
  readonly events: EventStore;
  readonly keys: PersonKeyStore;
  readonly idempotency: IdempotencyStore;
  /** What GET /health shows of the storage: where it is, and whether this instance still hears other instances. */
  health(): ComponentHealth;
  /** Closes all three (and the pools) in the reverse order of opening. */
  close(): Promise<void>;
}
