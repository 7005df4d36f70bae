import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { dropSchema, freshSchemaName, testDatabaseConfig } from '@onedoor/event-store/testing/postgres-test-schema';
import { describeIdempotencyStore } from './idempotency-store.contract';
import { PostgresIdempotencyStore } from './postgres-idempotency-store';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store';

describeIdempotencyStore('SqliteIdempotencyStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'onedoor-requests-'));
  const file = join(dir, 'requests.sqlite');
  const opened = [new SqliteIdempotencyStore(file)];
  return {
    store: opened[0],
    reopen: async () => {
      await opened[opened.length - 1].close();
      opened.push(new SqliteIdempotencyStore(file));
      return opened[opened.length - 1];
    },
    cleanup: async () => {
      await opened[opened.length - 1].close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

// reopen is another instance: its own pool on the same schema, as a second process would have.
describeIdempotencyStore('PostgresIdempotencyStore', async () => {
  const schema = freshSchemaName();
  const pools = [new Pool(testDatabaseConfig())];
  return {
    store: await PostgresIdempotencyStore.open({ pool: pools[0], schema }),
    reopen: async () => {
      pools.push(new Pool(testDatabaseConfig()));
      return PostgresIdempotencyStore.open({ pool: pools[pools.length - 1], schema });
    },
    cleanup: async () => {
      await Promise.all(pools.map((pool) => pool.end()));
      await dropSchema(schema);
    },
  };
});

describe('PostgresIdempotencyStore', () => {
  it("holds a key's claim for every instance on the schema: two racing on one key, only one runs it", async () => {
    const schema = freshSchemaName();
    const pools = [new Pool(testDatabaseConfig()), new Pool(testDatabaseConfig())];
    try {
      const [a, b] = await Promise.all(pools.map((pool) => PostgresIdempotencyStore.open({ pool, schema })));
      expect(await a.claim('k', 60_000)).toBe(true);
      expect(await b.claim('k', 60_000)).toBe(false);
      await a.release('k');
      expect(await b.claim('k', 60_000)).toBe(true);
      const raced = await Promise.all(Array.from({ length: 6 }, (_, i) => [a, b][i % 2].claim('together', 60_000)));
      expect(raced.filter(Boolean)).toHaveLength(1);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
      await dropSchema(schema);
    }
  });

  it('refuses a schema name that is not a plain lower-case identifier, naming the rule', async () => {
    const pool = new Pool(testDatabaseConfig());
    try {
      await expect(PostgresIdempotencyStore.open({ pool, schema: 'x; DROP TABLE y' })).rejects.toThrow(/schema must be a lower-case SQL identifier/);
    } finally {
      await pool.end();
    }
  });
});
