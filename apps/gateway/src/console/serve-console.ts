import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consoleDirectory } from './console-files';

/** The console talks only to this origin and runs only its own scripts: no CDN, nothing inline. */
const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>OneDoor</title></head>
<body><main><h1>OneDoor</h1><p>The web console is not built. Run <code>npm run build</code> (or <code>npm run demo</code>), then reload.</p>
<p>The API is running: <a href="/docs">/docs</a>.</p></main></body></html>`;

/**
 * Serves the web console at `/` (its page) and `/assets/*` (hashed, cacheable files) straight from Fastify,
 * outside Nest's guards: the page is public, every API call it makes carries the staff member's token.
 */
export async function serveConsole(app: NestFastifyApplication, dir = consoleDirectory()): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const page = dir ? readFileSync(join(dir, 'index.html'), 'utf8') : NOT_BUILT;
  fastify.get('/', (_request, reply) => {
    reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').header('content-security-policy', CONTENT_SECURITY_POLICY).header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
    return reply.send(page);
  });
  if (!dir) return;
  await app.register(fastifyStatic, {
    root: join(dir, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    index: false,
    maxAge: '365d',
    immutable: true,
  });
}
