import { dropSchema, freshSchemaName, testDatabaseConfig } from '@onedoor/event-store/testing/postgres-test-schema';
import { describePartnerFeedStoreContract } from './partner-feed-store.contract';
import { PostgresPartnerFeedStore } from './postgres-partner-feed-store';

describePartnerFeedStoreContract('PostgresPartnerFeedStore (the real PostgreSQL, two pools)', async () => {
  const schema = freshSchemaName();
  const [a, b] = await Promise.all([PostgresPartnerFeedStore.open({ pool: testDatabaseConfig(), schema }), PostgresPartnerFeedStore.open({ pool: testDatabaseConfig(), schema })]);
  return {
    a,
    b,
    cleanup: async () => {
      await Promise.all([a.close(), b.close()]);
      await dropSchema(schema);
    },
  };
});
