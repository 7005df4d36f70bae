import { createHash, createHmac } from 'node:crypto';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Who asked what under one Idempotency-Key, in the forms each store keeps. */
export interface IdempotencyIdentity {
  /** The key's scope in requests.sqlite: the caller's credentials (hashed) and the key. */
  scopeKey: string;
  /** The request in requests.sqlite: method, URL and body, hashed. */
  fingerprint: string;
  /**
   * The scope as the event log keeps it, in every event the request writes: a hash of scopeKey, so neither
   * the credentials nor the key (which a client may have built from a name) ever reach the immutable log.
   */
  idempotencyId: string;
  /**
   * The request as the event log keeps it: an HMAC of the fingerprint keyed with the credentials, so whoever
   * reads the log cannot confirm a guessed body (which can hold a person's details) without the caller's token.
   */
  logFingerprint: string;
}

export function identifyIdempotentRequest(request: { authorization: string; key: string; method: string; url: string; body: unknown }): IdempotencyIdentity {
  const scopeKey = `${sha256(request.authorization)}:${request.key}`;
  const fingerprint = sha256(`${request.method} ${request.url} ${JSON.stringify(request.body ?? null)}`);
  return {
    scopeKey,
    fingerprint,
    idempotencyId: sha256(`onedoor-idempotency:${scopeKey}`),
    logFingerprint: createHmac('sha256', request.authorization).update(fingerprint).digest('hex'),
  };
}
