import { PostgresPersonKeyStore } from '@onedoor/personal-data';
import { PostgresIdempotencyStore } from '@onedoor/platform';
import { RELAY_TABLES } from './relay-tables';
import type { StoredTable } from './stored-table';

/**
 * Every table the embedded platform keeps beside its log that the distributed deployment keeps in PostgreSQL.
 * Person keys first: without them the copied log's personal data would read as erased.
 */
export const STORED_TABLES: StoredTable[] = [
  {
    name: 'person keys',
    file: 'person-keys.sqlite',
    table: 'person_keys',
    columns: [
      { name: 'person_id', type: 'text' },
      { name: 'key', type: 'bytea' },
      { name: 'created_at', type: 'timestamptz' },
    ],
    key: ['person_id'],
    prepare: async ({ pool, schema }) => (await PostgresPersonKeyStore.open({ pool, schema })).close(),
  },
  {
    name: 'stored answers',
    file: 'requests.sqlite',
    table: 'idempotent_requests',
    columns: [
      { name: 'scope_key', type: 'text' },
      { name: 'fingerprint', type: 'text' },
      { name: 'status_code', type: 'integer' },
      { name: 'headers', type: 'json' },
      { name: 'body', type: 'text' },
      { name: 'created_at', type: 'timestamptz' },
    ],
    key: ['scope_key'],
    prepare: async ({ pool, schema }) => (await PostgresIdempotencyStore.open({ pool, schema })).close(),
  },
  ...RELAY_TABLES,
];
