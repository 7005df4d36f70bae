import type { FastifyInstance, FastifyReply } from 'fastify';
import { BODY_CHECKS, findBodyFault, isJsonContentType } from './body-sanity';
import { parseIfMatch } from './if-match.decorator';
import { Problem } from './problem';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function refuse(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.statusCode).header('content-type', 'application/json; charset=utf-8').send(problem);
}

const hasBody = (headers: Record<string, unknown>) => (headers['content-length'] !== undefined && headers['content-length'] !== '0') || headers['transfer-encoding'] !== undefined;

/**
 * Checks every write before any route sees it (preValidation runs after parsing, before the idempotency
 * hook and Nest): the API speaks JSON only (415 otherwise); the body passes findBodyFault (depth, text,
 * sizes, prototype keys); an If-Match header is a version or `*`, on every write route, creates included.
 */
export function installBodySanity(fastify: FastifyInstance): void {
  // Fastify answers a type it has no parser for with a bare 415 before any hook runs. Taking every type here
  // lets the check below refuse it as it refuses the others, naming the Content-Type; a JSON type other than
  // application/json (application/merge-patch+json) is parsed as JSON, with the same handling of keys.
  const parseJson = fastify.getDefaultJsonParser(fastify.initialConfig.onProtoPoisoning ?? 'error', fastify.initialConfig.onConstructorPoisoning ?? 'error');
  fastify.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    if (isJsonContentType(request.headers['content-type'])) return parseJson(request, body as string, done);
    done(null, undefined);
  });
  fastify.addHook('preValidation', async (request, reply) => {
    if (!WRITES.has(request.method)) return;
    if (BODY_CHECKS['content-type'] && hasBody(request.headers) && !isJsonContentType(request.headers['content-type'])) {
      return refuse(reply, { statusCode: 415, error: 'Unsupported Media Type', rule: 'input.unsupported-media-type', message: 'send the body as JSON with Content-Type: application/json', fields: [{ field: 'Content-Type', rules: ['must be application/json'] }] });
    }
    const ifMatch = request.headers['if-match'];
    if (ifMatch !== undefined) {
      try {
        parseIfMatch(Array.isArray(ifMatch) ? ifMatch.join(', ') : ifMatch);
      } catch (error) {
        return refuse(reply, (error as { getResponse(): Problem }).getResponse());
      }
    }
    const fault = findBodyFault(request.body);
    if (fault) return refuse(reply, fault);
  });
}
