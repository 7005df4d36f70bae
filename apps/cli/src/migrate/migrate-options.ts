import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../event-source';

export interface MigrateTarget {
  connectionString: string;
  schema: string;
}

const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

/** `--from sqlite:<dir>`: a platform DATA_DIR holding events.sqlite. */
export function sourceDirectory(from: string): string {
  const match = /^sqlite:(.+)$/.exec(from);
  if (!match) throw new UsageError(`--from must look like sqlite:<data directory>, not "${from}"`);
  const dir = match[1];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--from: ${dir} is not a directory`);
  if (!existsSync(join(dir, 'events.sqlite'))) throw new UsageError(`--from: ${dir} holds no events.sqlite (is it the platform's DATA_DIR?)`);
  return dir;
}

/** `--to postgres://…` and `--schema`: the database and schema the distributed deployment will use (its DATABASE_URL and DATABASE_SCHEMA). */
export function migrateTarget(to: string, schema: string): MigrateTarget {
  if (!/^postgres(ql)?:\/\/\S+$/.test(to)) throw new UsageError(`--to must be a postgres:// or postgresql:// URL, not "${to}"`);
  if (!SCHEMA.test(schema)) throw new UsageError(`--schema must be 1 to 63 lower-case letters, digits or underscores, not starting with a digit, not "${schema}"`);
  return { connectionString: to, schema };
}
