/**
 * The relay's own durable state: who holds the publishing lease, and the checkpoint (the global position up to
 * which the broker acknowledged everything). Both live together so a checkpoint can only move while its writer
 * still holds the lease (fencing): an instance that lost the lease while paused cannot move the checkpoint past
 * what the new leader has published.
 *
 * Times are wall-clock milliseconds (Date.now) given by the caller, never the platform Clock, which tests move to
 * other dates. Instances on several machines must keep their clocks in step (NTP) to well within the lease TTL.
 *
 * An abstract class, not an interface, so it serves as the Nest token too. Implementations: SqliteRelayLedger
 * (relay.sqlite in DATA_DIR), PostgresRelayLedger (EVENT_STORE=postgres).
 */
export abstract class RelayLedger {
  /** Takes the lease when it is free, expired or already ours; true when `owner` now holds it until now + ttl. */
  abstract tryAcquire(owner: string, now: number, ttlMs: number): Promise<boolean>;

  /** Extends a lease `owner` still holds; false when it expired or another instance took it. */
  abstract renew(owner: string, now: number, ttlMs: number): Promise<boolean>;

  /** Gives the lease up at once (on a clean stop), so a standby need not wait for it to expire. */
  abstract release(owner: string): Promise<void>;

  /** The instance holding an unexpired lease, if any. */
  abstract holder(now: number): Promise<string | undefined>;

  /** The position up to which every message was acknowledged by the broker (0 before the first). */
  abstract checkpoint(): Promise<number>;

  /** Moves the checkpoint forward (never back), only while `owner` holds an unexpired lease; false when it does not. */
  abstract advance(owner: string, position: number, now: number): Promise<boolean>;

  abstract close(): Promise<void>;
}
