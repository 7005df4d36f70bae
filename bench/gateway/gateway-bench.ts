import { dropSchema, freshSchemaName, testDatabaseConfig } from '@onedoor/event-store/testing/postgres-test-schema';
import { ServiceChild } from '../../test/support/service-child';
import { scratchDir, ScratchDir } from '../scratch-dir';
import { atLeast, TARGETS, Verdict } from '../targets';
import { checkOnce, loadTargets } from '../http/http-bench';
import { applyLoad, combineRounds, LoadResult, LoadRound, LoadTarget } from '../http/load';
import { prepareReferralFixtures } from '../http/referral-fixtures';
import { ServerProcess } from '../http/server-process';

export interface GatewayPlan {
  connections: number;
  warmupSec: number;
  /** Measured rounds per shape, in mirrored order (A B C C B A …) so drift hits every shape alike. */
  rounds: number;
  roundSec: number;
  people: number;
}

export const GATEWAY_PLAN: GatewayPlan = { connections: 50, warmupSec: 4, rounds: 2, roundSec: 5, people: 100 };
export const QUICK_GATEWAY_PLAN: GatewayPlan = { connections: 50, warmupSec: 2, rounds: 1, roundSec: 3, people: 30 };

type Shape = 'allInOne' | 'gatewaySqlite' | 'allInOnePostgres' | 'gatewayPostgres';
const SHAPES: Shape[] = ['allInOne', 'gatewaySqlite', 'allInOnePostgres', 'gatewayPostgres'];
export const SHAPE_NAMES: Record<Shape, string> = {
  allInOne: 'all-in-one (SQLite)',
  gatewaySqlite: 'gateway → services (one SQLite data dir)',
  allInOnePostgres: 'all-in-one (PostgreSQL)',
  gatewayPostgres: 'gateway → services (PostgreSQL)',
};

export interface GatewayBenchResult extends GatewayPlan {
  results: Record<Shape, LoadResult>;
  /**
   * Create-referral req/s through the gateway over the all-in-one's: on the same store (the gateway's own cost), and
   * the PostgreSQL deployment over the embedded default (the comparison, which includes the store's cost).
   */
  ratios: { gatewaySqlite: number; gatewayPostgresToAllInOnePostgres: number; gatewayPostgres: number };
  verdict: Verdict;
  problems: string[];
}

const SECRET = 'gateway-bench-secret-of-at-least-32-characters';

/** One deployment shape under load: where to send requests, and how to take it down. */
interface RunningShape {
  url: string;
  stop(): Promise<void>;
}

/**
 * The "create-referral through the gateway ≥ 0.5 × the all-in-one's req/s on the same machine": the same
 * POST /referrals load (50 connections, a pool of people with consent) against the all-in-one process and against the
 * gateway in front of the referrals, directory, insights and relay services (each its own process, all following the
 * log), over the embedded SQLite data directory and over PostgreSQL. Every shape starts from the demo consortium.
 */
export async function runGatewayBench(plan: GatewayPlan, log: (line: string) => void): Promise<GatewayBenchResult> {
  const dirs: ScratchDir[] = [];
  const schema = freshSchemaName();
  const running: Partial<Record<Shape, RunningShape>> = {};
  try {
    const { host, port, user, database } = testDatabaseConfig();
    const postgres = { EVENT_STORE: 'postgres', DATABASE_URL: `postgres://${user}@${host}:${port}/${database}`, DATABASE_SCHEMA: schema };
    log('(l) starting the all-in-one app');
    running.allInOne = await startAllInOne(newDir(dirs, 'gateway-aio'));
    log('(l) starting the gateway and four services over one SQLite data directory');
    running.gatewaySqlite = await startServices(newDir(dirs, 'gateway-sqlite'), {});
    log(`(l) starting the all-in-one app over PostgreSQL (schema ${schema}_aio)`);
    running.allInOnePostgres = await startAllInOne(newDir(dirs, 'gateway-aio-pg'), { ...postgres, DATABASE_SCHEMA: `${schema}_aio` });
    log(`(l) starting the gateway and four services over PostgreSQL (schema ${schema})`);
    running.gatewayPostgres = await startServices(newDir(dirs, 'gateway-pg'), postgres);

    const targets = {} as Record<Shape, LoadTarget>;
    for (const shape of SHAPES) {
      const url = running[shape]!.url;
      const fixtures = await prepareReferralFixtures(url, plan.people);
      targets[shape] = loadTargets(fixtures).create;
      const referral = await checkOnce<{ status?: string }>(url, fixtures.token, targets[shape]);
      if (referral.status !== 'requested') throw new Error(`${SHAPE_NAMES[shape]}: POST /referrals did not create and route: ${JSON.stringify(referral).slice(0, 300)}`);
      log(`(l) warm-up ${SHAPE_NAMES[shape]}: ${plan.warmupSec} s`);
      await applyLoad(url, targets[shape], plan.connections, plan.warmupSec);
    }
    const rounds = Object.fromEntries(SHAPES.map((s) => [s, [] as LoadRound[]])) as Record<Shape, LoadRound[]>;
    for (const shape of mirroredOrder(plan.rounds)) {
      const round = await applyLoad(running[shape]!.url, targets[shape], plan.connections, plan.roundSec);
      log(`(l) ${SHAPE_NAMES[shape]}, round ${rounds[shape].length + 1}/${plan.rounds}: ${(round.expected / round.durationSec).toFixed(0)} req/s`);
      rounds[shape].push(round);
    }
    const results = Object.fromEntries(SHAPES.map((s) => [s, combineRounds(running[s]!.url, plan.connections, targets[s], rounds[s])])) as Record<Shape, LoadResult>;
    const ratios = {
      gatewaySqlite: results.gatewaySqlite.requestsPerSec / results.allInOne.requestsPerSec,
      gatewayPostgresToAllInOnePostgres: results.gatewayPostgres.requestsPerSec / results.allInOnePostgres.requestsPerSec,
      gatewayPostgres: results.gatewayPostgres.requestsPerSec / results.allInOne.requestsPerSec,
    };
    const problems = SHAPES.map((s) => results[s])
      .filter((r) => r.unexpectedStatus + r.errors + r.timeouts > 0)
      .map((r) => `${r.name}: ${r.unexpectedStatus} unexpected status, ${r.errors} errors, ${r.timeouts} timeouts; first: ${r.firstFailure ?? 'n/a'}`);
    const verdict = atLeast(Math.min(...Object.values(ratios)), TARGETS.gatewayToAllInOneRatio) === 'PASS' && problems.length === 0 ? 'PASS' : 'MISS';
    return { ...plan, results, ratios, verdict, problems };
  } finally {
    for (const shape of SHAPES) await running[shape]?.stop().catch(() => undefined);
    dirs.forEach((d) => d.dispose());
    for (const name of [schema, `${schema}_aio`]) await dropSchema(name).catch(() => undefined);
  }
}

function newDir(dirs: ScratchDir[], name: string): string {
  const dir = scratchDir(name);
  dirs.push(dir);
  return dir.path;
}

/** A B C C B A A B C …: each shape measured as often early as late. */
function mirroredOrder(rounds: number): Shape[] {
  return Array.from({ length: rounds }, (_, i) => (i % 2 === 0 ? SHAPES : [...SHAPES].reverse())).flat();
}

async function startAllInOne(dataDir: string, env: Record<string, string> = {}): Promise<RunningShape> {
  const server = await ServerProcess.start(dataDir, undefined, env);
  return { url: server.url, stop: () => server.stop() };
}

/**
 * The demo consortium is seeded by a first all-in-one start on the same store (only the all-in-one seeds), which
 * then stops; the services start on what it wrote, the gateway last, as docs/distributed-services.md says.
 */
async function startServices(dataDir: string, store: Record<string, string>): Promise<RunningShape> {
  const seeding = await ServerProcess.start(dataDir, undefined, { AUTH_SECRET: SECRET, ...store });
  await seeding.stop();
  const shared = { DATA_DIR: dataDir, AUTH_MODE: 'dev', AUTH_SECRET: SECRET, LOG_LEVEL: 'warn', ...store };
  const services = {
    referrals: new ServiceChild('apps/referrals/src/main.ts', shared, '/docs-json'),
    directory: new ServiceChild('apps/directory/src/main.ts', shared, '/docs-json'),
    insights: new ServiceChild('apps/insights/src/main.ts', shared, '/docs-json'),
    relay: new ServiceChild('apps/relay/src/relay-service.ts', shared, '/docs-json'),
  };
  const started: ServiceChild[] = [];
  const stop = async () => {
    await Promise.all(started.map((s) => s.stop()));
  };
  try {
    for (const service of Object.values(services)) {
      started.push(service);
      await service.start();
    }
    const gateway = new ServiceChild('apps/gateway/src/main.ts', {
      ...shared,
      REFERRALS_URL: services.referrals.url,
      DIRECTORY_URL: services.directory.url,
      INSIGHTS_URL: services.insights.url,
      RELAY_URL: services.relay.url,
    });
    started.unshift(gateway);
    await gateway.start();
    return { url: gateway.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
