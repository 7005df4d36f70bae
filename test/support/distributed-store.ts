import { JwtService } from '@nestjs/jwt';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { dropSchema, freshSchemaName, testDatabaseConfig } from '@onedoor/event-store/testing/postgres-test-schema';

/** One stored event, as a distributed suite counts them. */
export interface StoredEvent {
  position: number;
  id: string;
  stream: string;
  version: number;
  type: string;
  idempotencyId: string | null;
}

/**
 * What the services of one distributed suite share: a fresh PostgreSQL schema (dropped after), a consortium id of
 * their own (which names the Redis directory keys and the Kafka topics, so suites never share either), and one
 * AUTH_SECRET, with which the suite signs its staff tokens as the gateway's dev tokens are signed.
 */
export class DistributedStore {
  readonly schema = freshSchemaName();
  readonly consortiumId = this.schema.replace(/_/g, '-');
  private readonly secret = `${this.schema}-secret-of-at-least-32-characters`;
  private readonly sql = new Pool(testDatabaseConfig({ max: 2 }));
  private readonly jwt = new JwtService({ secret: this.secret, signOptions: { expiresIn: '1h', algorithm: 'HS256' } });

  /** The environment every service process of the suite gets. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    const { host, port, user, database } = testDatabaseConfig();
    return {
      EVENT_STORE: 'postgres',
      DATABASE_URL: `postgres://${user}@${host}:${port}/${database}`,
      DATABASE_SCHEMA: this.schema,
      CONSORTIUM_ID: this.consortiumId,
      AUTH_MODE: 'dev',
      AUTH_SECRET: this.secret,
      ...extra,
    };
  }

  /** An Authorization header for a staff member of `partnerId`. */
  as(partnerId: string): string {
    return `Bearer ${this.jwt.sign({ sub: `staff-${partnerId}`, partnerId })}`;
  }

  /** Every event in the log, in global order (the store's own table, read directly: what was really written). */
  async events(): Promise<StoredEvent[]> {
    const { rows } = await this.sql.query<StoredEvent>(
      `SELECT position::int AS position, id, stream, version, type, metadata ->> 'idempotencyId' AS "idempotencyId" FROM ${this.schema}.events ORDER BY position`,
    );
    return rows;
  }

  /** Drops the schema and deletes the suite's Redis keys (the directory read model's). */
  async close(): Promise<void> {
    await this.sql.end();
    await dropSchema(this.schema);
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
    const keys = await redis.keys(`onedoor:${this.consortiumId}:*`);
    if (keys.length) await redis.unlink(...keys);
    await redis.quit();
  }
}
