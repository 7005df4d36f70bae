import replyFrom from '@fastify/reply-from';
import { HttpException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { GATEWAY_TARGETS, Problem, ServiceName, verifyStaffToken } from '@onedoor/platform';
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RouteAccess, SERVICE_PREFIXES, SERVICE_ROUTES, fastifyPath } from './route-table';
import { replayableBody } from './replayable-body';
import { ServiceInstances } from './service-instances';
import { ForwardingError, neverReached, unreachableService } from './unreachable-service';

const EVERY_METHOD = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

/** Any reply, also reply-from's (typed for every kind of server). */
interface AnyReply {
  code(statusCode: number): { header(name: string, value: string): { send(body: unknown): unknown } };
}
const sendProblem = (reply: AnyReply, problem: Problem) => reply.code(problem.statusCode).header('content-type', 'application/json; charset=utf-8').send(problem);

const carriesBody = (request: FastifyRequest) => {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
};

/**
 * Passes every route of SERVICE_ROUTES and SERVICE_PREFIXES to its service over HTTP, untouched: method, path and
 * query, headers (Authorization, If-Match, Idempotency-Key), the body's bytes, and the service's answer (status,
 * ETag, Location, problem bodies). It forwards in the route's onRequest hook, before anything parses the body or
 * runs the gateway's own body checks and idempotency hooks: the service does those, once. A staff route's token is
 * checked here first with the services' own rules and answers (a bad one goes no further); the service checks it
 * again, and membership, so a service reached directly is not open. See docs/distributed-services.md.
 *
 * A service given as several origins (one per instance) gets its requests in turn; one an instance could not even
 * be connected to goes to the next (nothing reached it, so a write is safe to send again: its body is kept whole for
 * that). Any later failure is answered, never retried: that write may have committed.
 */
export async function routeToServices(app: NestFastifyApplication, targets: Record<ServiceName, string[]>, options: { timeoutMs: number }): Promise<void> {
  const jwt = app.get(JwtService);
  for (const { service } of GATEWAY_TARGETS) {
    const instances = new ServiceInstances(targets[service]);
    await app.register(async (scope: FastifyInstance) => {
      // No `base`: reply-from then keeps an undici pool per origin, and each request goes where getUpstream says.
      await scope.register(replyFrom, { undici: { headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs } });
      const forward = (access: RouteAccess) => async (request: FastifyRequest, reply: FastifyReply) => {
        if (access === 'staff') {
          try {
            await verifyStaffToken(jwt, request.headers.authorization);
          } catch (error) {
            if (error instanceof HttpException) return sendProblem(reply, error.getResponse() as Problem);
            throw error;
          }
        }
        const origins = instances.nextInOrder();
        const hasBody = carriesBody(request);
        const kept = hasBody && instances.several ? await replayableBody(request.raw) : undefined;
        // Otherwise unparsed: reply-from streams it on as it came. Through a copy, which the HTTP client may destroy
        // when the service is down without destroying the incoming request the gateway still answers.
        if (hasBody && kept === undefined) request.body = request.raw.pipe(new PassThrough());
        const sendTo = (i: number) =>
          reply.from(request.raw.url, {
            getUpstream: () => origins[i],
            ...(kept !== undefined ? { body: kept, contentType: request.headers['content-type'] ?? 'application/octet-stream' } : {}),
            timeout: options.timeoutMs,
            // A service answering 503 has said so; retrying it here would only hide that, and delay the answer.
            retryDelay: () => null,
            onError: (failed, { error }) => {
              const failure = error as ForwardingError;
              if (neverReached(failure) && i + 1 < origins.length && (!hasBody || kept !== undefined)) return sendTo(i + 1);
              sendProblem(failed, unreachableService(service, failure));
            },
          });
        sendTo(0);
        return reply;
      };
      // onRequest has answered; Fastify still wants a handler.
      const handler = async () => undefined;
      for (const route of SERVICE_ROUTES.filter((r) => r.service === service)) {
        scope.route({ method: route.method as 'GET', url: fastifyPath(route.path), onRequest: forward(route.access), handler });
      }
      for (const { prefix, access } of SERVICE_PREFIXES.filter((p) => p.service === service)) {
        for (const url of [prefix, `${prefix}/*`]) scope.route({ method: EVERY_METHOD as 'GET'[], url, onRequest: forward(access), handler });
      }
    });
  }
}
