import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { RecordedEvent } from '@onedoor/event-store';

/**
 * The request being handled under an Idempotency-Key, as the write path sees it. Carried in async context
 * (not through every controller, command and handler) because only the one write path, the command
 * executor, and the one id source need it.
 */
export interface IdempotentRequest {
  readonly idempotencyId: string;
  readonly logFingerprint: string;
  /** Seeds the ids the server makes up for this request, so a retry of a committed attempt makes the same ones. */
  readonly idSeed: string;
  /** What an earlier attempt committed before the process died, answer unsaved; empty on a first attempt. */
  readonly committed: readonly RecordedEvent[];
  /** How many ids were made so far; a retry runs the same code, so the n-th id is the same. */
  idsMade: number;
}

/** What the executor writes into the metadata of each event of an idempotent request (no personal data). */
export interface IdempotencyMetadata {
  idempotencyId: string;
  requestFingerprint: string;
  idSeed: string;
}

const current = new AsyncLocalStorage<IdempotentRequest>();

export function runAsIdempotentRequest<T>(request: IdempotentRequest, work: () => T): T {
  return current.run(request, work);
}

export function currentIdempotentRequest(): IdempotentRequest | undefined {
  return current.getStore();
}

/** Runs work that merely follows from a request (reactions to its committed events) as nobody's request. */
export function outsideIdempotentRequest<T>(work: () => T): T {
  return current.exit(work);
}

export function idempotencyMetadataOf(request: IdempotentRequest): IdempotencyMetadata {
  return { idempotencyId: request.idempotencyId, requestFingerprint: request.logFingerprint, idSeed: request.idSeed };
}

/**
 * A new id that a retry of the same request makes again (UUID-shaped, from the request's seed), or
 * undefined outside an idempotent request. Without it, a retried create after a crash would pick a
 * fresh id and could not be told apart from a new create.
 */
export function repeatableId(): string | undefined {
  const request = current.getStore();
  if (!request) return undefined;
  const hex = createHash('sha256').update(`${request.idSeed}:${request.idsMade++}`).digest('hex');
  // Version 4 and variant bits set, so it passes wherever a random UUID does.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
