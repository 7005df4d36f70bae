import { Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/**
 * One structured line per request. It names the route pattern, never the URL: query strings and ids
 * can carry what a person typed (names in a duplicate search), and logs must hold no personal data.
 */
export function installRequestLogging(fastify: FastifyInstance): void {
  const logger = new Logger('http');
  fastify.addHook('onResponse', async (request, reply) => {
    logger.log({ msg: 'request', method: request.method, route: request.routeOptions?.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 });
  });
}
