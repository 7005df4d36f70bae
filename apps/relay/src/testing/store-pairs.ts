import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropSchema, freshSchemaName, testDatabaseConfig } from '@onedoor/event-store/testing/postgres-test-schema';
import type { RelayPostgresOptions } from '../postgres/relay-postgres';

/** Two instances of one store over one file or schema, as two processes would have, and how to drop them. */
export interface StorePair<T> {
  a: T;
  b: T;
  cleanup(): Promise<void>;
}

interface Closable {
  close(): Promise<void>;
}

/** Two stores on one SQLite file (two connections) in a fresh folder, removed by cleanup. */
export function sqlitePair<T extends Closable>(file: string, open: (path: string) => T): StorePair<T> {
  const dir = mkdtempSync(join(tmpdir(), 'relay-store-'));
  const a = open(join(dir, file));
  const b = open(join(dir, file));
  return {
    a,
    b,
    cleanup: async () => {
      await Promise.all([a.close(), b.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Two stores on one fresh schema of the test PostgreSQL, each with its own pool; cleanup drops the schema. */
export async function postgresPair<T extends Closable>(open: (options: RelayPostgresOptions) => Promise<T>): Promise<StorePair<T> & { schema: string }> {
  const schema = freshSchemaName();
  const [a, b] = await Promise.all([open({ pool: testDatabaseConfig(), schema }), open({ pool: testDatabaseConfig(), schema })]);
  return {
    schema,
    a,
    b,
    cleanup: async () => {
      await Promise.all([a.close(), b.close()]);
      await dropSchema(schema);
    },
  };
}
