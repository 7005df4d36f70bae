import { dropSchema, freshSchemaName, testDatabaseConfig } from '@onedoor/event-store/testing/postgres-test-schema';
import { PostgresWebhookStore } from './postgres-webhook-store';
import { describeWebhookStoreContract } from './webhook-store.contract';

describeWebhookStoreContract('PostgresWebhookStore (the real PostgreSQL, two pools)', async () => {
  const schema = freshSchemaName();
  const [a, b] = await Promise.all([PostgresWebhookStore.open({ pool: testDatabaseConfig(), schema }), PostgresWebhookStore.open({ pool: testDatabaseConfig(), schema })]);
  return {
    a,
    b,
    cleanup: async () => {
      await Promise.all([a.close(), b.close()]);
      await dropSchema(schema);
    },
  };
});
