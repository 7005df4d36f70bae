import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { IdempotencyStore } from './idempotency-store';
import { Problem } from './problem';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_FORMAT = /^[A-Za-z0-9._:-]{1,200}$/;
const REPLAYED_HEADERS = ['etag', 'location', 'content-type'];

interface Pending {
  scopeKey: string;
  fingerprint: string;
}
const pendingOf = new WeakMap<FastifyRequest, Pending>();

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function refuse(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.statusCode).header('content-type', 'application/json; charset=utf-8').send(problem);
}

/**
 * A repeated Idempotency-Key returns the first answer and writes nothing. Keys are scoped to the caller's
 * credentials, and a key reused for a different request is refused rather than guessed at.
 * Fastify hooks run before Nest's pipeline, so the replay never reaches a handler.
 */
export function installIdempotency(fastify: FastifyInstance, store: IdempotencyStore): void {
  const inFlight = new Set<string>();

  fastify.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    // Without credentials the guard answers 401 first; a key only means something for a known caller.
    if (key === undefined || !WRITES.has(request.method) || !request.headers.authorization) return;
    if (typeof key !== 'string' || !KEY_FORMAT.test(key)) {
      return refuse(reply, { statusCode: 400, error: 'Bad Request', rule: 'input.idempotency-key-invalid', message: 'Idempotency-Key must be 1–200 letters, digits, dots, dashes, colons or underscores', fields: [{ field: 'Idempotency-Key', rules: ['must match [A-Za-z0-9._:-]{1,200}'] }] });
    }
    const scopeKey = `${sha256(request.headers.authorization ?? '')}:${key}`;
    const fingerprint = sha256(`${request.method} ${request.url} ${JSON.stringify(request.body ?? null)}`);
    const first = store.find(scopeKey);
    if (first) {
      if (first.fingerprint !== fingerprint) {
        return refuse(reply, { statusCode: 422, error: 'Unprocessable Entity', rule: 'idempotency.key-reused', message: 'this Idempotency-Key was already used for a different request' });
      }
      for (const [name, value] of Object.entries(first.headers)) reply.header(name, value);
      return reply.code(first.statusCode).header('idempotent-replayed', 'true').send(first.body);
    }
    if (inFlight.has(scopeKey)) {
      return refuse(reply, { statusCode: 409, error: 'Conflict', rule: 'idempotency.in-progress', message: 'a request with this Idempotency-Key is still being processed' });
    }
    inFlight.add(scopeKey);
    pendingOf.set(request, { scopeKey, fingerprint });
  });

  fastify.addHook('onSend', async (request, reply, payload) => {
    const pending = pendingOf.get(request);
    if (pending && reply.statusCode < 500 && (typeof payload === 'string' || payload === null || payload === undefined)) {
      const headers: Record<string, string> = {};
      for (const name of REPLAYED_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      store.save(pending.scopeKey, { fingerprint: pending.fingerprint, statusCode: reply.statusCode, headers, body: (payload as string | null) ?? '' });
    }
    return payload;
  });

  fastify.addHook('onResponse', async (request) => {
    const pending = pendingOf.get(request);
    if (pending) inFlight.delete(pending.scopeKey);
  });
}
