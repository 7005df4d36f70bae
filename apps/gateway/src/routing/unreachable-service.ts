import type { Problem, ServiceName } from '@onedoor/platform';

/** What failed on the way to a service, as @fastify/reply-from reports it (its errors carry the socket's as `cause`). */
export interface ForwardingError {
  statusCode?: number;
  code?: string;
  cause?: { code?: string };
}

const NOT_LISTENING = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
const TIMED_OUT = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'FST_REPLY_FROM_TIMEOUT', 'FST_REPLY_FROM_GATEWAY_TIMEOUT', 'FST_REPLY_FROM_HTTP_REQUEST_TIMEOUT']);

const codesOf = (error: ForwardingError) => [error.code, error.cause?.code].filter((c): c is string => c !== undefined);

/**
 * Whether the request never reached the service: no connection was made, so nothing can have been written, and the
 * gateway may try another instance, a write included. Anything later (a reset, a timeout) may have committed.
 */
export function neverReached(error: ForwardingError): boolean {
  return codesOf(error).some((c) => NOT_LISTENING.has(c));
}

/**
 * The gateway's answer when a service did not answer: the service is named, so staff and operators know which part
 * is down and that the others still serve. Nothing reached a handler, or its answer was lost: a retry with the same
 * Idempotency-Key is safe either way. 503 when nothing listens, 504 when it took too long, 502 when the answer broke off.
 */
export function unreachableService(service: ServiceName, error: ForwardingError): Problem {
  const codes = codesOf(error);
  const details = { service };
  if (codes.some((c) => NOT_LISTENING.has(c)) || error.statusCode === 503) {
    return { statusCode: 503, error: 'Service Unavailable', rule: 'gateway.service-unavailable', message: `the ${service} service is not answering; the other services still are. Try again shortly`, details };
  }
  if (codes.some((c) => TIMED_OUT.has(c)) || error.statusCode === 504) {
    return { statusCode: 504, error: 'Gateway Timeout', rule: 'gateway.service-timeout', message: `the ${service} service did not answer in time; try again (with the same Idempotency-Key for a write)`, details };
  }
  return { statusCode: 502, error: 'Bad Gateway', rule: 'gateway.service-failed', message: `the ${service} service broke off its answer; try again (with the same Idempotency-Key for a write)`, details };
}
