/**
 * Where each person's data key lives, beside the event store. Deleting a key is erasure:
 * the sealed fields in the log become unreadable for good (crypto-shredding).
 */
export interface PersonKeyStore {
  /** The person's key, created on first use. */
  obtain(personId: string): Buffer;
  /** The person's key, or undefined once erased (or never created). */
  find(personId: string): Buffer | undefined;
  /** Destroys the key. Idempotent. */
  destroy(personId: string): void;
  close(): void;
}
