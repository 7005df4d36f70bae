import { sqlitePair } from '../testing/store-pairs';
import { SqliteWebhookStore } from './sqlite-webhook-store';
import { describeWebhookStoreContract } from './webhook-store.contract';

describeWebhookStoreContract('SqliteWebhookStore (a real SQLite file, two connections)', async () => sqlitePair('webhooks.sqlite', (file) => new SqliteWebhookStore(file)));
