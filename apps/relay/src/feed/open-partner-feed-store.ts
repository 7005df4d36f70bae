import type { OnedoorConfig } from '@onedoor/platform';
import { join } from 'node:path';
import { relayPostgresOptions } from '../postgres/relay-postgres';
import type { PartnerFeedStore } from './partner-feed-store';
import { PostgresPartnerFeedStore } from './postgres-partner-feed-store';
import { SqlitePartnerFeedStore } from './sqlite-partner-feed-store';

/** The feed's store the configuration asks for: shared in PostgreSQL with EVENT_STORE=postgres, else feed.sqlite in DATA_DIR. */
export async function openPartnerFeedStore(config: OnedoorConfig): Promise<PartnerFeedStore> {
  if (config.EVENT_STORE === 'postgres') return PostgresPartnerFeedStore.open(relayPostgresOptions(config));
  return new SqlitePartnerFeedStore(join(config.DATA_DIR, 'feed.sqlite'));
}
