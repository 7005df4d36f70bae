import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@onedoor/platform';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryModule } from '../../apps/directory/src/directory.module';
import { InsightsModule } from '../../apps/insights/src/insights.module';
import { OnedoorModule } from '../../apps/onedoor/src/onedoor.module';
import { ReferralsModule } from '../../apps/referrals/src/referrals.module';
import { RelayServiceModule } from '../../apps/relay/src/relay-service.module';
import { Operation, buildApp, documentOf, operationsOf } from '../support/service-apps';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';
import { SERVICE_PREFIXES, SERVICE_ROUTES, serviceFor } from '../../apps/gateway/src/routing/route-table';

/**
 * The gateway's route table against the OpenAPI documents the apps themselves make: the all-in-one's (every route
 * the API has), the gateway's own, and each service's as it boots alone. A route added to a service and not to the
 * table, a table entry no service answers, or a controller a service module lacks, fails here.
 */
describe("the gateway's route table", () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'onedoor-routes-'));
  // With the Kafka relay, so its health route counts too (built only: nothing connects to a broker).
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'error', SEED_DEMO: 'false', RELAY_ENABLED: 'true' });
  const apps: NestFastifyApplication[] = [];
  const ops: Record<'allInOne' | 'gateway' | 'referrals' | 'directory' | 'insights' | 'relay', Operation[]> = { allInOne: [], gateway: [], referrals: [], directory: [], insights: [], relay: [] };

  beforeAll(async () => {
    const built = {
      allInOne: await buildApp(config, OnedoorModule.forRoot(config), false),
      gateway: await buildApp(config, GatewayModule.forRoot({ devTokens: true })),
      referrals: await buildApp(config, ReferralsModule),
      directory: await buildApp(config, DirectoryModule),
      insights: await buildApp(config, InsightsModule),
      relay: await buildApp(config, RelayServiceModule.forRoot(config)),
    };
    for (const [name, app] of Object.entries(built)) {
      apps.push(app);
      ops[name as keyof typeof ops] = operationsOf(documentOf(app));
    }
  }, 60_000);
  afterAll(async () => {
    for (const app of apps) await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const routes = (list: Operation[]) => list.map((o) => o.route).sort();
  const services = ['referrals', 'directory', 'insights', 'relay'] as const;

  it('covers the whole API: what the gateway does not answer itself, a service does, and nothing is answered twice', () => {
    expect(ops.allInOne.length).toBeGreaterThan(70);
    const together = [...ops.gateway, ...services.flatMap((s) => ops[s])];
    expect(routes(together)).toEqual(routes(ops.allInOne));
  });

  it('sends every route the gateway does not answer to the service that does, with the same access', () => {
    const local = new Set(routes(ops.gateway));
    const wrong: string[] = [];
    for (const op of ops.allInOne.filter((o) => !local.has(o.route))) {
      const [method, path] = op.route.split(' ');
      const owner = services.find((s) => ops[s].some((o) => o.route === op.route));
      const target = serviceFor(method, path);
      if (target?.service !== owner || target?.access !== op.access) wrong.push(`${op.route}: table says ${JSON.stringify(target)}, answered by ${owner} (${op.access})`);
    }
    expect(wrong).toEqual([]);
  });

  it('routes nothing the gateway answers itself, and lists no route that its service does not have', () => {
    for (const op of ops.gateway) expect({ route: op.route, routed: serviceFor(...(op.route.split(' ') as [string, string])) }).toEqual({ route: op.route, routed: undefined });
    const stale = SERVICE_ROUTES.filter((r) => !ops[r.service].some((o) => o.route === `${r.method} ${r.path}` && o.access === r.access));
    expect(stale).toEqual([]);
    for (const p of SERVICE_PREFIXES) {
      const under = ops.allInOne.filter((o) => o.route.split(' ')[1].startsWith(p.prefix));
      expect(under.length).toBeGreaterThan(0);
      expect(under.filter((o) => !ops[p.service].some((s) => s.route === o.route) || o.access !== p.access)).toEqual([]);
    }
  });
});
