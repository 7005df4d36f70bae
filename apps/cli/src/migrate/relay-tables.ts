import { PostgresPartnerFeedStore, PostgresRelayLedger, PostgresWebhookStore, type RelayPostgresOptions } from '@onedoor/relay-stores';
import type { StoredTable, TargetDatabase } from './stored-table';

/** The relay's stores keep a pool of their own: one connection is enough to create their tables. */
const options = ({ connectionString, schema }: TargetDatabase): RelayPostgresOptions => ({ pool: { connectionString, max: 1 }, schema });
const openFeed = async (target: TargetDatabase) => (await PostgresPartnerFeedStore.open(options(target))).close();
const openWebhooks = async (target: TargetDatabase) => (await PostgresWebhookStore.open(options(target))).close();

/**
 * The relay's SQLite files and their PostgreSQL tables (libs/relay-stores). Feed sequence numbers and dead-letter
 * ids are kept as they were, since partners hold them (webhook cursors, replay by id). Not copied, being transient:
 * the Kafka relay's lease and the webhooks' delivery claims (both expire within seconds of a stop).
 */
export const RELAY_TABLES: StoredTable[] = [
  {
    name: 'partner feed messages',
    file: 'feed.sqlite',
    sourceTable: 'feed_messages',
    table: 'partner_feed_messages',
    columns: [
      { name: 'seq', type: 'bigint', identity: true },
      { name: 'position', type: 'bigint' },
      { name: 'partner_id', type: 'text' },
      // PostgreSQL keys each message by (position, partner, part): its index among that event's messages to that partner, in seq order.
      { name: 'part', type: 'integer', from: 'ROW_NUMBER() OVER (PARTITION BY position, partner_id ORDER BY seq) - 1' },
      { name: 'topic', type: 'text' },
      { name: 'key', type: 'text' },
      { name: 'headers', type: 'json' },
      { name: 'body', type: 'json' },
      { name: 'person_id', type: 'text' },
      { name: 'personal', type: 'json' },
    ],
    key: ['seq'],
    prepare: openFeed,
  },
  {
    name: 'partner feed checkpoint',
    file: 'feed.sqlite',
    sourceTable: 'feed_checkpoint',
    table: 'partner_feed_checkpoint',
    columns: [{ name: 'position', type: 'bigint' }],
    key: [],
    seeded: { position: 0 },
    prepare: openFeed,
  },
  {
    name: 'webhooks',
    file: 'webhooks.sqlite',
    sourceTable: 'webhooks',
    table: 'partner_webhooks',
    columns: [
      { name: 'webhook_id', type: 'text' },
      { name: 'partner_id', type: 'text' },
      { name: 'url', type: 'text' },
      { name: 'sealed_secret', type: 'text' },
      { name: 'created_at', type: 'text' },
      { name: 'cursor', type: 'bigint' },
      { name: 'attempts', type: 'integer' },
      { name: 'next_attempt_at', type: 'bigint' },
      { name: 'last_error', type: 'text' },
      { name: 'delivered', type: 'bigint' },
    ],
    key: ['webhook_id'],
    prepare: openWebhooks,
  },
  {
    name: 'webhook dead letters',
    file: 'webhooks.sqlite',
    sourceTable: 'dead_letters',
    table: 'webhook_dead_letters',
    columns: [
      { name: 'dead_letter_id', type: 'bigint', identity: true },
      { name: 'webhook_id', type: 'text' },
      { name: 'partner_id', type: 'text' },
      { name: 'seq', type: 'bigint' },
      { name: 'position', type: 'bigint' },
      { name: 'event_id', type: 'text' },
      { name: 'type', type: 'text' },
      { name: 'attempts', type: 'integer' },
      { name: 'last_error', type: 'text' },
      { name: 'dead_at', type: 'text' },
      { name: 'replay', type: 'boolean', from: 'replay <> 0' },
      { name: 'next_attempt_at', type: 'bigint' },
    ],
    key: ['dead_letter_id'],
    prepare: openWebhooks,
  },
  {
    name: 'relay checkpoint',
    file: 'relay.sqlite',
    table: 'relay_checkpoint',
    columns: [
      { name: 'name', type: 'text' },
      { name: 'position', type: 'bigint' },
    ],
    key: ['name'],
    prepare: async (target) => (await PostgresRelayLedger.open(options(target))).close(),
  },
];
