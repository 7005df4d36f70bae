export interface Webhook {
  webhookId: string;
  partnerId: string;
  url: string;
  /** Sealed by WebhookSecretBox. */
  sealedSecret: string;
  createdAt: string;
  /** The last feed message (sequence number) delivered or dead-lettered. */
  cursor: number;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  delivered: number;
}

export interface DeadLetter {
  deadLetterId: number;
  webhookId: string;
  partnerId: string;
  seq: number;
  position: number;
  eventId: string;
  type: string;
  attempts: number;
  lastError: string;
  deadAt: string;
  /** Queued for another round of attempts. */
  replay: boolean;
  nextAttemptAt: number;
}

export type NewWebhook = Pick<Webhook, 'webhookId' | 'partnerId' | 'url' | 'sealedSecret' | 'createdAt' | 'cursor'>;
export type NewDeadLetter = Omit<DeadLetter, 'deadLetterId' | 'replay' | 'nextAttemptAt'>;

/**
 * Webhook registrations and their delivery state, so a restart resumes each webhook where it was: its cursor in
 * the partner's feed, its retry count, its dead letters.
 *
 * Several processes may deliver from one store. Each delivery is made under a **claim** on its webhook (an owner
 * and an expiry, taken only when no one else holds an unexpired one), and its outcome (`delivered`, `willRetry`,
 * `deadLettered`, `replayed`, `replayFailed`) is recorded only while the claim is still the caller's, and ends it.
 * So one message is POSTed once, not once per process; a process that dies mid-delivery holds the webhook until
 * its claim expires, and one whose claim expired (paused past it) cannot move the cursor another has moved.
 * Times are wall-clock milliseconds (Date.now) from the caller.
 *
 * An abstract class so it names the port in Nest. Implementations: SqliteWebhookStore (webhooks.sqlite in
 * DATA_DIR), PostgresWebhookStore (EVENT_STORE=postgres).
 */
export abstract class WebhookStore {
  abstract add(webhook: NewWebhook): Promise<void>;
  abstract all(): Promise<Webhook[]>;
  abstract ofPartner(partnerId: string): Promise<Webhook[]>;
  abstract find(webhookId: string): Promise<Webhook | undefined>;
  /** Removes the webhook and its dead letters. */
  abstract remove(webhookId: string): Promise<void>;

  /** Claims the webhook for `owner` until now + ttl, unless another owner's claim is unexpired; the webhook as stored now, or undefined. */
  abstract claim(webhookId: string, owner: string, now: number, ttlMs: number): Promise<Webhook | undefined>;
  /** Ends `owner`'s claim, changing nothing else (nothing was due after all, or the delivery broke). */
  abstract unclaim(webhookId: string, owner: string): Promise<void>;

  /** The message at `seq` was delivered: the cursor moves to it and the retry state clears. False when `owner` no longer held the claim. */
  abstract delivered(webhookId: string, owner: string, seq: number): Promise<boolean>;
  abstract willRetry(webhookId: string, owner: string, attempts: number, nextAttemptAt: number, error: string): Promise<boolean>;
  /** The message failed its last attempt: it joins the dead letters and the webhook moves on, in one transaction. */
  abstract deadLettered(letter: NewDeadLetter, owner: string): Promise<boolean>;

  abstract deadLettersOf(partnerId: string): Promise<DeadLetter[]>;
  abstract deadLetter(deadLetterId: number): Promise<DeadLetter | undefined>;
  /** Queues dead letters for another round of attempts; returns how many. */
  abstract queueReplay(partnerId: string, deadLetterId?: number): Promise<number>;
  /** The oldest dead letter of the webhook queued for replay and due now. */
  abstract dueReplay(webhookId: string, now: number): Promise<DeadLetter | undefined>;
  /** A replayed dead letter was delivered: it is gone. Under the webhook's claim, like the outcomes above. */
  abstract replayed(webhookId: string, owner: string, deadLetterId: number): Promise<boolean>;
  /** A replay failed: retry later, or (after the last attempt, `nextAttemptAt` null) back to an ordinary dead letter. */
  abstract replayFailed(webhookId: string, owner: string, deadLetterId: number, attempts: number, nextAttemptAt: number | null, error: string): Promise<boolean>;

  abstract close(): Promise<void>;
}
