import { sqlitePair } from '../testing/store-pairs';
import { describePartnerFeedStoreContract } from './partner-feed-store.contract';
import { SqlitePartnerFeedStore } from './sqlite-partner-feed-store';

describePartnerFeedStoreContract('SqlitePartnerFeedStore (a real SQLite file, two connections)', async () => sqlitePair('feed.sqlite', (file) => new SqlitePartnerFeedStore(file)));
