import { postgresPair } from '../testing/store-pairs';
import { describePartnerFeedStoreContract } from './partner-feed-store.contract';
import { PostgresPartnerFeedStore } from './postgres-partner-feed-store';

describePartnerFeedStoreContract('PostgresPartnerFeedStore (the real PostgreSQL, two pools)', () => postgresPair((options) => PostgresPartnerFeedStore.open(options)));
