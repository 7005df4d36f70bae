import type { OnedoorConfig } from '../config/onedoor-config';
import type { PlatformStorage } from './platform-storage';
import { openPostgresStorage } from './postgres-platform-storage';
import { openSqliteStorage } from './sqlite-platform-storage';

/** The storage EVENT_STORE names: SQLite files in DATA_DIR (the default) or PostgreSQL at DATABASE_URL. */
export function openPlatformStorage(config: OnedoorConfig): Promise<PlatformStorage> {
  // DATABASE_URL is validated as present whenever EVENT_STORE is postgres.
  if (config.EVENT_STORE === 'postgres') return openPostgresStorage(config.DATABASE_URL!, config.DATABASE_SCHEMA);
  return Promise.resolve(openSqliteStorage(config.DATA_DIR));
}
