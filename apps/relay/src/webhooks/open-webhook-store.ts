import type { OnedoorConfig } from '@onedoor/platform';
import { join } from 'node:path';
import { relayPostgresOptions } from '../postgres/relay-postgres';
import { PostgresWebhookStore } from './postgres-webhook-store';
import { SqliteWebhookStore } from './sqlite-webhook-store';
import type { WebhookStore } from './webhook-store';

/** The webhooks' store the configuration asks for: shared in PostgreSQL with EVENT_STORE=postgres, else webhooks.sqlite in DATA_DIR. */
export async function openWebhookStore(config: OnedoorConfig): Promise<WebhookStore> {
  if (config.EVENT_STORE === 'postgres') return PostgresWebhookStore.open(relayPostgresOptions(config));
  return new SqliteWebhookStore(join(config.DATA_DIR, 'webhooks.sqlite'));
}
