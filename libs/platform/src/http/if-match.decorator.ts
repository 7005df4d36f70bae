import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * The stream version from an If-Match header ("3" or W/"3"), or undefined when absent or `*`: RFC 9110 §13.1.1,
 * `*` matches any current version (the route's own 404 answers when there is none).
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header === '' || header.trim() === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,12})"?$/.exec(header.trim());
  if (!match) {
    throw new BadRequestException({ statusCode: 400, error: 'Bad Request', rule: 'input.if-match-invalid', message: 'If-Match must carry the version from the ETag, e.g. "3", or *', fields: [{ field: 'If-Match', rules: ['must be a quoted version number such as "3", or *'] }] });
  }
  return Number(match[1]);
}

export const IfMatch = createParamDecorator((_: unknown, ctx: ExecutionContext) => parseIfMatch(ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match'] as string | undefined));

export const etagOf = (version: number) => `"${version}"`;
