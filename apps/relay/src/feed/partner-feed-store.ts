import type { SealedPersonalData } from '@onedoor/domain';

/** One stored partner-stream message. Personal fields are kept sealed with the person's key, apart from the rest. */
export interface StoredFeedMessage {
  seq: number;
  position: number;
  partnerId: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  /** The body without its `personal` field; null for a tombstone. */
  body: Record<string, unknown> | null;
  personId: string | null;
  personal: SealedPersonalData | null;
}

export type NewFeedMessage = Omit<StoredFeedMessage, 'seq'>;

/**
 * The pull feed's messages for every partner, on disk, not in memory: a consortium's log grows to millions of
 * events and each fans out to several partners. Nothing personal is stored in plaintext: `personal` stays
 * sealed, so erasing the person (destroying their key) erases it here too.
 *
 * `seq` follows the log order (messages are appended in position order, one writer at a time), so pages read
 * in seq order and a webhook cursor on seq never skips a message. Several processes may project the same log
 * into one store: `append` stores only the messages of events past the checkpoint, under the store's write lock,
 * so each message is kept once however many processes offer it.
 *
 * An abstract class, not an interface, so it can name the port in Nest. Implementations: SqlitePartnerFeedStore
 * (feed.sqlite in DATA_DIR), PostgresPartnerFeedStore (EVENT_STORE=postgres).
 */
export abstract class PartnerFeedStore {
  /** Position of the last event whose messages are stored. */
  abstract checkpoint(): Promise<number>;

  /**
   * Stores the messages of the events up to `position` (one or many) and moves the checkpoint to it, atomically;
   * messages of events at or below the checkpoint (stored already, by this or another process) are left out.
   */
  abstract append(position: number, messages: NewFeedMessage[]): Promise<void>;

  /**
   * A partner's messages of events after `afterPosition`: about `limit` of them, never splitting one event's
   * messages across pages, so the next page can start after the last position.
   */
  abstract pageOf(partnerId: string, afterPosition: number, limit: number): Promise<StoredFeedMessage[]>;

  /** A partner's messages after a feed sequence number, for webhook delivery cursors. */
  abstract afterSeq(partnerId: string, seq: number, limit: number): Promise<StoredFeedMessage[]>;

  abstract message(seq: number): Promise<StoredFeedMessage | undefined>;

  /** The newest sequence number: a new webhook starts after it. */
  abstract lastSeq(): Promise<number>;

  abstract close(): Promise<void>;
}
