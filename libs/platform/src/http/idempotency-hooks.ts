import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EventStore } from '@onedoor/event-store';
import { IdempotentRequest, runAsIdempotentRequest } from './idempotency-context';
import { identifyIdempotentRequest } from './idempotency-identity';
import { findEarlierAttempt } from './idempotency-log';
import { IdempotencyStore, StoredResponse } from './idempotency-store';
import { Problem } from './problem';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_FORMAT = /^[A-Za-z0-9._:-]{1,200}$/;
const REPLAYED_HEADERS = ['etag', 'location', 'content-type'];
/**
 * How long a key's claim holds without a release: far longer than a request takes, short enough that a retry after
 * its instance died (the claim never released) runs within seconds. See IdempotencyStore.claim.
 */
export const IDEMPOTENCY_CLAIM_HOLD_MS = 10_000;

interface Pending {
  scopeKey: string;
  fingerprint: string;
  context: IdempotentRequest;
}
const pendingOf = new WeakMap<FastifyRequest, Pending>();

function refuse(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.statusCode).header('content-type', 'application/json; charset=utf-8').send(problem);
}

const keyReused = (reply: FastifyReply) =>
  refuse(reply, { statusCode: 422, error: 'Unprocessable Entity', rule: 'idempotency.key-reused', message: 'this Idempotency-Key was already used for a different request' });

/**
 * A repeated Idempotency-Key returns the first answer and writes nothing. Keys are scoped to the caller's
 * credentials, and a key reused for a different request is refused rather than guessed at.
 * Fastify hooks run before Nest's pipeline, so the replay never reaches a handler.
 *
 * The first answer is saved after the events commit, in another store (requests.sqlite, or its PostgreSQL table), so a crash in between
 * must not let a retry execute the command again. Every event the request writes therefore carries its
 * identity (see IdempotentRequest; hashes and a random seed, no credentials or personal data), and a key that
 * the store does not know is looked up in the event log. When an earlier attempt committed, the retry
 * runs the handler again in replay mode: the executor writes nothing for the streams already written, ids the
 * server makes up repeat (so a create finds its referral), and the controller answers from the resource's
 * current state, as a first answer would have. Chosen over writing the answer in the events' transaction:
 * that one runs on the store's writer thread, after the handler, and the answer does not exist yet.
 */
export function installIdempotency(fastify: FastifyInstance, store: IdempotencyStore, events: EventStore): void {
  const logger = new Logger('idempotency');
  const replay = (reply: FastifyReply, first: StoredResponse) => {
    for (const [name, value] of Object.entries(first.headers)) reply.header(name, value);
    return reply.code(first.statusCode).header('idempotent-replayed', 'true').send(first.body);
  };

  fastify.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    const authorization = request.headers.authorization;
    // Without credentials the guard answers 401 first; a key only means something for a known caller.
    if (key === undefined || !WRITES.has(request.method) || !authorization) return;
    if (typeof key !== 'string' || !KEY_FORMAT.test(key)) {
      return refuse(reply, { statusCode: 400, error: 'Bad Request', rule: 'input.idempotency-key-invalid', message: 'Idempotency-Key must be 1–200 letters, digits, dots, dashes, colons or underscores', fields: [{ field: 'Idempotency-Key', rules: ['must match [A-Za-z0-9._:-]{1,200}'] }] });
    }
    const identity = identifyIdempotentRequest({ authorization, key, method: request.method, url: request.url, body: request.body });
    const answered = async () => {
      const first = await store.find(identity.scopeKey);
      if (first && first.fingerprint !== identity.fingerprint) return keyReused(reply);
      return first && replay(reply, first);
    };
    const before = await answered();
    if (before) return before;
    // One attempt at a time, on every instance sharing the store: two running at once would both miss the log's
    // record of the other and make up different ids (two referrals for one create).
    if (!(await store.claim(identity.scopeKey, IDEMPOTENCY_CLAIM_HOLD_MS))) {
      return refuse(reply, { statusCode: 409, error: 'Conflict', rule: 'idempotency.in-progress', message: 'a request with this Idempotency-Key is still being processed' });
    }
    let earlier;
    try {
      // The attempt that held the key before may have answered meanwhile.
      const meanwhile = await answered();
      if (meanwhile) {
        await store.release(identity.scopeKey);
        return meanwhile;
      }
      earlier = await findEarlierAttempt(events, identity.idempotencyId, new Date());
    } catch (error) {
      await store.release(identity.scopeKey);
      throw error;
    }
    if (earlier && earlier.requestFingerprint !== identity.logFingerprint) {
      await store.release(identity.scopeKey);
      return keyReused(reply);
    }
    // The earlier attempt's answer was lost with its process: this one is built again, and says it is a replay.
    if (earlier) {
      reply.header('idempotent-replayed', 'true');
      // The route pattern only: URLs and keys can carry what a person typed.
      logger.log({ msg: 'retry of a request that committed before its answer was stored: nothing is written again', route: request.routeOptions?.url ?? 'unmatched', committedEvents: earlier.events.length });
    }
    const context: IdempotentRequest = {
      idempotencyId: identity.idempotencyId,
      logFingerprint: identity.logFingerprint,
      idSeed: earlier?.idSeed ?? randomBytes(16).toString('hex'),
      committed: earlier?.events ?? [],
      idsMade: 0,
    };
    pendingOf.set(request, { scopeKey: identity.scopeKey, fingerprint: identity.fingerprint, context });
  });

  // Callback style on purpose: `done` runs the route handler synchronously, so the whole handler (controller,
  // command, executor) runs inside the request's async context. An async hook's continuation would not.
  fastify.addHook('preHandler', (request, _reply, done) => {
    const pending = pendingOf.get(request);
    if (pending) runAsIdempotentRequest(pending.context, done);
    else done();
  });

  fastify.addHook('onSend', async (request, reply, payload) => {
    const pending = pendingOf.get(request);
    if (pending && reply.statusCode < 500 && (typeof payload === 'string' || payload === null || payload === undefined)) {
      const headers: Record<string, string> = {};
      for (const name of REPLAYED_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      await store.save(pending.scopeKey, { fingerprint: pending.fingerprint, statusCode: reply.statusCode, headers, body: (payload as string | null) ?? '' });
    }
    return payload;
  });

  fastify.addHook('onResponse', async (request) => {
    const pending = pendingOf.get(request);
    if (pending) await store.release(pending.scopeKey);
  });
}
