import type { OnedoorConfig } from '@onedoor/platform';
import { join } from 'node:path';
import { relayPostgresOptions } from '../postgres/relay-postgres';
import { PostgresRelayLedger } from './postgres-relay-ledger';
import type { RelayLedger } from './relay-ledger';
import { SqliteRelayLedger } from './sqlite-relay-ledger';

/** The ledger the configuration asks for: shared in PostgreSQL with EVENT_STORE=postgres, else relay.sqlite in DATA_DIR. */
export async function openRelayLedger(config: OnedoorConfig): Promise<RelayLedger> {
  if (config.EVENT_STORE === 'postgres') return PostgresRelayLedger.open(relayPostgresOptions(config));
  return new SqliteRelayLedger(join(config.DATA_DIR, 'relay.sqlite'));
}
