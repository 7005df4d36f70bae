import { dropSchema, freshSchemaName, testDatabaseConfig } from '@onedoor/event-store/testing/postgres-test-schema';
import { checkpointStoreContract } from './checkpoint-store.contract';
import { PostgresCheckpointStore } from './postgres-checkpoint-store';

let schema = '';
const used: string[] = [];
beforeEach(() => used.push((schema = freshSchemaName())));
afterAll(async () => {
  for (const name of used) await dropSchema(name);
});

checkpointStoreContract('PostgreSQL', () => PostgresCheckpointStore.open({ pool: testDatabaseConfig({ max: 2 }), schema }));

describe('PostgreSQL checkpoint store', () => {
  it('refuses a schema name that is not a lower-case SQL identifier, creating nothing', async () => {
    await expect(PostgresCheckpointStore.open({ pool: testDatabaseConfig(), schema: 'Bad; DROP' })).rejects.toThrow(/^schema must be a lower-case SQL identifier .*, got "Bad; DROP"$/);
  });
});
