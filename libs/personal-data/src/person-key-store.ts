/**
 * Where each person's data key lives, beside the event store. Deleting a key is erasure:
 * the sealed fields in the log become unreadable for good (crypto-shredding).
 *
 * Creating and destroying a key go to storage and are awaited: a key is durable before any event sealed with it
 * can commit, and an erasure has reached storage before it is reported done. Reading a key is synchronous, from
 * what this process knows, because read models open sealed fields while answering a query; `lookup` is the
 * awaitable path that asks storage itself, for command handlers that must not act on a stale picture.
 */
export interface PersonKeyStore {
  /** The person's key, created on first use; resolves once it is durable. */
  obtain(personId: string): Promise<Buffer>;
  /** The person's key as this process knows it, or undefined once erased (or never created). */
  find(personId: string): Buffer | undefined;
  /** The person's key as stored right now, or undefined. */
  lookup(personId: string): Promise<Buffer | undefined>;
  /** Destroys the key. Idempotent. */
  destroy(personId: string): Promise<void>;
  close(): Promise<void>;
}
