import type { OnedoorConfig } from '@onedoor/platform';
import { join } from 'node:path';
import { relayPostgresOptions, type PartnerFeedStore, PostgresPartnerFeedStore, SqlitePartnerFeedStore } from '@onedoor/relay-stores';

/** The feed's store the configuration asks for: shared in PostgreSQL with EVENT_STORE=postgres, else feed.sqlite in DATA_DIR. */
export async function openPartnerFeedStore(config: OnedoorConfig): Promise<PartnerFeedStore> {
  if (config.EVENT_STORE === 'postgres') return PostgresPartnerFeedStore.open(relayPostgresOptions(config));
  return new SqlitePartnerFeedStore(join(config.DATA_DIR, 'feed.sqlite'));
}
