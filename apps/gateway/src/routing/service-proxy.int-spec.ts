import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { configureHttp, loadConfig } from '@onedoor/platform';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../../test/support/free-port';
import { buildApp } from '../../../../test/support/service-apps';
import { GatewayModule } from '../gateway.module';
import { SERVICE_ROUTES } from './route-table';
import { routeToServices } from './service-proxy';

/**
 * The gateway's routes as Fastify registers them, with every service stopped (ports nothing listens on): each
 * table route, its HEAD twin and the Open Referral prefix reach the proxy for the right service, which answers
 * 503 naming it at once; a staff route without a valid token is refused at the gateway with the services' 401.
 */
describe("the gateway's proxy with its services down", () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'onedoor-proxy-'));
  let app: NestFastifyApplication;
  let fastify: FastifyInstance;
  let token: string;

  beforeAll(async () => {
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'error', SEED_DEMO: 'false' });
    app = await buildApp(config, GatewayModule.forRoot({ devTokens: true }));
    configureHttp(app);
    const dead = async () => `http://127.0.0.1:${await freePort()}`;
    await routeToServices(app, { referrals: [await dead()], directory: [await dead()], insights: [await dead()], relay: [await dead()] }, { timeoutMs: 5_000 });
    await app.init();
    fastify = app.getHttpAdapter().getInstance();
    await fastify.ready();
    token = `Bearer ${app.get(JwtService).sign({ sub: 'staff-a', partnerId: 'a' })}`;
  }, 60_000);
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const concrete = (path: string) => path.replace(/\{[^}]+\}/g, 'x1');

  it('answers every routed method and path with 503 naming its service, without hanging', async () => {
    const wrong: string[] = [];
    for (const route of SERVICE_ROUTES) {
      for (const method of route.method === 'GET' ? ['GET', 'HEAD'] : [route.method]) {
        const res = await fastify.inject({ method: method as 'GET', url: `${concrete(route.path)}?q=1`, headers: { authorization: token, 'content-type': 'application/json' }, ...(method === 'POST' ? { payload: '{}' } : {}) });
        const service = method === 'HEAD' ? res.statusCode === 503 && route.service : res.json().details?.service;
        if (res.statusCode !== 503 || service !== route.service) wrong.push(`${method} ${route.path}: ${res.statusCode} ${res.body}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('sends the whole Open Referral prefix to the directory, preflights and the trailing slash included, without a token', async () => {
    for (const [method, url] of [['GET', '/openreferral'], ['GET', '/openreferral/'], ['GET', '/openreferral/services/abc'], ['OPTIONS', '/openreferral/services'], ['GET', '/openreferral/unknown']]) {
      const res = await fastify.inject({ method: method as 'GET', url });
      expect({ url, status: res.statusCode, body: res.json() }).toMatchObject({ url, status: 503, body: { rule: 'gateway.service-unavailable', details: { service: 'directory' } } });
    }
  });

  it("refuses a staff route's missing or bad token itself, with the services' own 401 problems", async () => {
    const missing = await fastify.inject({ method: 'POST', url: '/referrals', payload: {} });
    expect({ status: missing.statusCode, body: missing.json() }).toEqual({ status: 401, body: { statusCode: 401, error: 'Unauthorized', rule: 'auth.token-missing', message: 'send a bearer token: Authorization: Bearer <token>' } });
    const forged = await fastify.inject({ method: 'GET', url: '/insights/claims', headers: { authorization: `${token.slice(0, -3)}abc` } });
    expect({ status: forged.statusCode, rule: forged.json().rule }).toEqual({ status: 401, rule: 'auth.token-invalid' });
    // Public relay routes pass without one.
    const asyncapi = await fastify.inject({ method: 'GET', url: '/asyncapi.json' });
    expect({ status: asyncapi.statusCode, service: asyncapi.json().details.service }).toEqual({ status: 503, service: 'relay' });
  });

  it('still answers its own routes, and unknown ones with 404', async () => {
    expect((await fastify.inject({ method: 'GET', url: '/auth/whoami', headers: { authorization: token } })).statusCode).toBe(403);
    expect((await fastify.inject({ method: 'GET', url: '/auth/sign-in-options' })).json()).toMatchObject({ mode: 'dev' });
    expect((await fastify.inject({ method: 'GET', url: '/no-such-route' })).statusCode).toBe(404);
  });
});
