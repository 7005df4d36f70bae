import { postgresPair } from '../testing/store-pairs';
import { PostgresWebhookStore } from './postgres-webhook-store';
import { describeWebhookStoreContract } from './webhook-store.contract';

describeWebhookStoreContract('PostgresWebhookStore (the real PostgreSQL, two pools)', () => postgresPair((options) => PostgresWebhookStore.open(options)));
