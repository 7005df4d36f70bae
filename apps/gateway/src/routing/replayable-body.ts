import type { IncomingMessage } from 'node:http';

/** Fastify's default body limit, which the services keep: a longer body is refused there, so it is never worth keeping. */
export const REPLAYABLE_BODY_LIMIT = 1024 * 1024;

/**
 * The request's body read whole, so it can be sent again to another instance of the service when the first could
 * not be connected to; undefined when it is chunked or too long to keep (it is then streamed, to one instance only).
 * Bytes as they came: the service parses and checks them, as it would a stream.
 */
export async function replayableBody(raw: IncomingMessage, limit = REPLAYABLE_BODY_LIMIT): Promise<Buffer | undefined> {
  const length = Number(raw.headers['content-length']);
  if (!Number.isInteger(length) || length > limit || raw.headers['transfer-encoding'] !== undefined) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of raw) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
