import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { configureHttp, loadConfig } from '@onedoor/platform';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../../test/support/free-port';
import { buildApp } from '../../../../test/support/service-apps';
import { GatewayModule } from '../gateway.module';
import { REPLAYABLE_BODY_LIMIT } from './replayable-body';
import { routeToServices } from './service-proxy';

/** What an instance was sent. */
interface Seen {
  instance: string;
  method: string;
  url: string;
  body: string;
  idempotencyKey?: string;
}

/**
 * The gateway in front of three instances of the referrals service: one stopped (nothing listens on its port) and two
 * plain HTTP servers that echo what reached them, and cut the connection on paths with `cut-off` in them.
 */
describe('the gateway over several instances of a service', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'onedoor-failover-'));
  const seen: Seen[] = [];
  const servers: Server[] = [];
  let app: NestFastifyApplication;
  let fastify: FastifyInstance;
  let token: string;

  const instance = async (name: string): Promise<string> => {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        seen.push({ instance: name, method: req.method!, url: req.url!, body, idempotencyKey: req.headers['idempotency-key'] as string | undefined });
        if (req.url!.includes('cut-off')) return req.socket.destroy();
        res.writeHead(200, { 'content-type': 'application/json', etag: '"7"' }).end(JSON.stringify({ instance: name, body }));
      });
    });
    servers.push(server);
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${port}`;
  };

  beforeAll(async () => {
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'error', SEED_DEMO: 'false' });
    app = await buildApp(config, GatewayModule.forRoot({ devTokens: true }));
    configureHttp(app);
    const stopped = `http://127.0.0.1:${await freePort()}`;
    const dead = async () => [`http://127.0.0.1:${await freePort()}`];
    await routeToServices(app, { referrals: [stopped, await instance('b'), await instance('c')], directory: await dead(), insights: await dead(), relay: await dead() }, { timeoutMs: 5_000 });
    await app.init();
    fastify = app.getHttpAdapter().getInstance();
    await fastify.ready();
    token = `Bearer ${app.get(JwtService).sign({ sub: 'staff-a', partnerId: 'a' })}`;
  }, 60_000);
  afterAll(async () => {
    await app.close();
    servers.forEach((s) => s.close());
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => (seen.length = 0));

  const post = (url: string, payload: string, key?: string) =>
    fastify.inject({ method: 'POST', url, payload, headers: { authorization: token, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) } });

  it('takes the instances in turn, and sends what the stopped one would have had to the next: every request answered', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await fastify.inject({ method: 'GET', url: `/referrals/r${i}?view=full`, headers: { authorization: token } }));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers.map((a) => a.headers.etag)).toEqual(Array(6).fill('"7"'));
    // Turns go stopped, b, c, stopped, …: the stopped one's turns fall to the next after it.
    expect(seen.map((s) => `${s.instance} ${s.url}`)).toEqual(['b /referrals/r0?view=full', 'b /referrals/r1?view=full', 'c /referrals/r2?view=full', 'b /referrals/r3?view=full', 'b /referrals/r4?view=full', 'c /referrals/r5?view=full']);
  });

  it('sends a write on to the next instance when the first could not be connected to, with its body and headers as they came', async () => {
    const body = '{"personId":"p1",  "needs":["employment"]}';
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await post('/referrals', body, `create-${i}`));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(seen.map((s) => [s.method, s.url, s.body, s.idempotencyKey])).toEqual([0, 1, 2].map((i) => ['POST', '/referrals', body, `create-${i}`]));
    // Each write reached exactly one instance.
    expect(seen).toHaveLength(3);
  });

  it('never sends a request on once it reached an instance: a connection cut mid-answer is a 502, sent nowhere else', async () => {
    for (let i = 0; i < 3; i++) {
      const cut = await post('/referrals/cut-off/accept', '{}', `cut-${i}`);
      expect({ status: cut.statusCode, rule: cut.json().rule, service: cut.json().details.service }).toEqual({ status: 502, rule: 'gateway.service-failed', service: 'referrals' });
    }
    expect(seen.map((s) => s.idempotencyKey)).toEqual(['cut-0', 'cut-1', 'cut-2']);
  });

  it('streams a body too long to keep to one instance only: when that one is stopped, a 503 naming the service', async () => {
    const long = JSON.stringify({ summary: 'x'.repeat(REPLAYABLE_BODY_LIMIT) });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post('/referrals', long)).statusCode);
    // One of the three turns is the stopped instance's.
    expect(statuses.sort()).toEqual([200, 200, 503]);
    expect(seen.map((s) => s.body.length)).toEqual([long.length, long.length]);
  });
});
