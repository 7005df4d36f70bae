export interface StoredResponse {
  fingerprint: string;
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * First answers to requests that carried an Idempotency-Key, so a repeat gets the same answer and writes nothing:
 * a SQLite file beside the embedded log, or a PostgreSQL table shared by every instance (so a retry that lands on
 * another instance is answered the same). An abstract class, so it is also the injection token.
 */
export abstract class IdempotencyStore {
  abstract find(scopeKey: string): Promise<StoredResponse | undefined>;
  /** Keeps the first answer; a second save for the same key changes nothing. */
  abstract save(scopeKey: string, response: StoredResponse): Promise<void>;
  /**
   * Claims a key for one attempt at a time: true when the caller may run the request, false while another attempt
   * holds it, on any instance sharing the store. A claim lapses after `holdMs` unless released: its process may have
   * died, and the next attempt then finds in the log whatever the dead one committed.
   */
  abstract claim(scopeKey: string, holdMs: number): Promise<boolean>;
  abstract release(scopeKey: string): Promise<void>;
  /**
   * Erasure: every stored answer about a person names their id (`"personId":"…"`), so forgetting those
   * answers removes the last copies of their details outside the sealed log. Resolves to how many were forgotten.
   */
  abstract forgetPerson(personId: string): Promise<number>;
  /** Keys are kept for a day, as clients retry within minutes; older answers are dropped. */
  abstract expireOlderThan(cutoff: Date): Promise<number>;
  abstract close(): Promise<void>;
}

/** The text every stored answer about a person contains: their id as a JSON member (`"personId":"…"`). */
export function personMention(personId: string): string {
  return JSON.stringify({ personId }).slice(1, -1);
}
