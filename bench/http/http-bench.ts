import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir } from '../scratch-dir';
import { atLeast, atMost, TARGETS, Verdict } from '../targets';
import { percentile } from '../timing';
import { ApiClient } from './api-client';
import { CpuProfileSummary, renderCpuProfileSummary, summariseCpuProfiles } from './cpu-profile-summary';
import { applyLoad, combineRounds, LoadResult, LoadRound, LoadTarget } from './load';
import { prepareReferralFixtures, ReferralFixtures } from './referral-fixtures';
import { CREATE_APP_FILE, ServerProcess } from './server-process';

export interface HttpBenchOptions {
  quick: boolean;
  cpuProfile: boolean;
}

export interface HttpPlan {
  connections: number;
  /** Per endpoint, before anything is measured. */
  warmupSec: number;
  /** Measured rounds per endpoint, taken in ABBA order (no-op, create, create, no-op, ...). */
  rounds: number;
  roundSec: number;
  /** People (each with consent) that the create-referral requests cycle through. */
  people: number;
}

export const HTTP_PLAN: HttpPlan = { connections: 50, warmupSec: 5, rounds: 2, roundSec: 5, people: 200 };
export const QUICK_HTTP_PLAN: HttpPlan = { connections: 50, warmupSec: 2, rounds: 1, roundSec: 3, people: 50 };

type Endpoint = 'create' | 'noop';

export interface CreateCommits {
  commits: number;
  appends: number;
  perSec: number;
  appendsPerCommit: number;
  /** How long each commit held the server's event loop (fsync and WAL checkpoints included). */
  commitMs: { p50: number; p99: number; max: number; totalPerSec: number };
}

/**
 * The server's CPU time per expected response over the measured rounds: less sensitive to what else runs
 * on the machine than req/s, so it shows what a change saved even when throughput is noisy.
 */
export interface ServerCpu {
  /** Process CPU (all threads: the event loop, the event store's writer thread, GC, libuv), µs per response. */
  processUsPerResponse: number;
  /** Busy time of the main thread's event loop, µs per response. */
  mainThreadUsPerResponse: number;
}

export interface HttpBenchResult extends HttpPlan {
  fixtures: Omit<ReferralFixtures, 'token' | 'personIds'>;
  create: LoadResult;
  noop: LoadResult;
  /** create.requestsPerSec / noop.requestsPerSec. */
  ratio: number;
  ratioVerdict: Verdict;
  p99Verdict: Verdict;
  verdict: Verdict;
  /** Why the numbers cannot be trusted (failed requests), if they cannot. */
  problems: string[];
  /** The server's event-store group commits during the measured create rounds. */
  createCommits: CreateCommits;
  serverCpu: Record<Endpoint, ServerCpu>;
  cpuProfile?: { create: CpuProfileSummary; noop: CpuProfileSummary; lines: string[] };
}

export const PROFILE_DIR = join(__dirname, '..', 'profiles');

export async function runHttpBench(options: HttpBenchOptions, log: (line: string) => void): Promise<HttpBenchResult | { skipped: string }> {
  if (!ServerProcess.appExists()) return { skipped: `${CREATE_APP_FILE} does not exist yet` };
  const plan = options.quick ? QUICK_HTTP_PLAN : HTTP_PLAN;
  const data = scratchDir('http');
  log(`(b) starting the app in a child process on a fresh DATA_DIR ${data.path}`);
  const server = await ServerProcess.start(data.path);
  try {
    log(`(b) server pid ${server.pid} at ${server.url}; registering ${plan.people} people with consent`);
    const fixtures = await prepareReferralFixtures(server.url, plan.people);
    log(`(b) referring as ${fixtures.partnerId} to ${fixtures.serviceId} (${fixtures.serviceName}), need ${fixtures.need}`);
    const targets = loadTargets(fixtures);
    await checkOnce(server.url, fixtures.token, targets.noop);
    const referral = await checkOnce<{ status?: string; serviceId?: string }>(server.url, fixtures.token, targets.create);
    if (referral.status !== 'requested' || referral.serviceId !== fixtures.serviceId) {
      throw new Error(`POST /referrals did not create and route in one step: ${JSON.stringify(referral).slice(0, 300)}`);
    }

    for (const target of [targets.create, targets.noop]) {
      log(`(b) warm-up ${target.name}: ${plan.warmupSec} s`);
      await applyLoad(server.url, target, plan.connections, plan.warmupSec);
    }
    const rounds: Record<Endpoint, LoadRound[]> = { create: [], noop: [] };
    const profiles: Record<Endpoint, string[]> = { create: [], noop: [] };
    const commits = { commits: 0, appends: 0, commitMs: [] as number[] };
    const cpu = { create: { cpuMs: 0, busyMs: 0 }, noop: { cpuMs: 0, busyMs: 0 } };
    for (const key of abbaOrder(plan.rounds)) {
      const target = targets[key];
      const n = rounds[key].length + 1;
      log(`(b) measuring ${target.name}, round ${n}/${plan.rounds}: ${plan.roundSec} s at ${plan.connections} connections${options.cpuProfile ? ' (CPU-profiled)' : ''}`);
      if (options.cpuProfile) await server.startProfile();
      const before = await server.commitStats();
      const round = await applyLoad(server.url, target, plan.connections, plan.roundSec);
      const after = await server.commitStats(before.commits);
      cpu[key].cpuMs += after.cpuMs - before.cpuMs;
      cpu[key].busyMs += after.mainThreadBusyMs - before.mainThreadBusyMs;
      if (key === 'create') {
        commits.commits += after.commits - before.commits;
        commits.appends += after.appends - before.appends;
        commits.commitMs.push(...after.commitMs);
      }
      if (options.cpuProfile) {
        mkdirSync(PROFILE_DIR, { recursive: true });
        const file = join(PROFILE_DIR, `${key}-round${n}.cpuprofile`);
        await server.stopProfile(file);
        profiles[key].push(file);
      }
      log(
        `(b) ${target.name}, round ${n}: ${(round.expected / round.durationSec).toFixed(0)} req/s; per second: ${round.perSecond.join(' ')}; ` +
          `slowest ${Math.max(...round.latencies).toFixed(0)} ms (first request on a connection: up to ${Math.max(...round.firstOnConnectionMs).toFixed(0)} ms)`,
      );
      rounds[key].push(round);
    }
    const create = combineRounds(server.url, plan.connections, targets.create, rounds.create);
    const noop = combineRounds(server.url, plan.connections, targets.noop, rounds.noop);
    const summaries = options.cpuProfile ? { create: summariseCpuProfiles(profiles.create), noop: summariseCpuProfiles(profiles.noop) } : undefined;
    const createCommits: CreateCommits = {
      commits: commits.commits,
      appends: commits.appends,
      perSec: commits.commits / create.durationSec,
      appendsPerCommit: commits.appends / commits.commits,
      commitMs: {
        p50: percentile(commits.commitMs, 50),
        p99: percentile(commits.commitMs, 99),
        max: Math.max(...commits.commitMs),
        totalPerSec: commits.commitMs.reduce((sum, ms) => sum + ms, 0) / create.durationSec,
      },
    };
    const perResponse = (used: { cpuMs: number; busyMs: number }, result: LoadResult): ServerCpu => ({
      processUsPerResponse: (used.cpuMs * 1000) / result.requests,
      mainThreadUsPerResponse: (used.busyMs * 1000) / result.requests,
    });
    const serverCpu = { create: perResponse(cpu.create, create), noop: perResponse(cpu.noop, noop) };
    return summarise(plan, fixtures, create, noop, createCommits, serverCpu, summaries);
  } finally {
    await server.stop();
    data.dispose();
  }
}

/** noop, create, create, noop, noop, create, ...: linear drift (a growing log, a warming JIT) hits both alike. */
function abbaOrder(rounds: number): Endpoint[] {
  return Array.from({ length: rounds }, (_, i): Endpoint[] => (i % 2 === 0 ? ['noop', 'create'] : ['create', 'noop'])).flat();
}

/**
 * Both are POSTs with the same JSON body (a create-referral request for the next person in the pool),
 * the same bearer token and headers, through the same global pipeline; only the handler differs.
 */
export function loadTargets(fixtures: ReferralFixtures): Record<Endpoint, LoadTarget> {
  const bodies = fixtures.personIds.map((personId) => JSON.stringify({ personId, needs: [fixtures.need], serviceId: fixtures.serviceId }));
  const cycle = () => {
    let next = 0;
    return () => bodies[next++ % bodies.length];
  };
  const headers = { authorization: `Bearer ${fixtures.token}` };
  return {
    create: { name: 'create referral', method: 'POST', path: '/referrals', expectStatus: 201, headers, nextBody: cycle() },
    noop: { name: 'no-op', method: 'POST', path: '/diagnostics/noop', expectStatus: 200, headers, nextBody: cycle() },
  };
}

/** One request outside the load, failing loudly (with the response) if the endpoint does not answer as expected. */
export function checkOnce<T = unknown>(baseUrl: string, token: string, target: LoadTarget): Promise<T> {
  return new ApiClient(baseUrl, token).call(target.method, target.path, JSON.parse(target.nextBody()), target.expectStatus);
}

function summarise(
  plan: HttpPlan,
  fixtures: ReferralFixtures,
  create: LoadResult,
  noop: LoadResult,
  createCommits: HttpBenchResult['createCommits'],
  serverCpu: HttpBenchResult['serverCpu'],
  profiles: Record<Endpoint, CpuProfileSummary> | undefined,
): HttpBenchResult {
  const ratio = create.requestsPerSec / noop.requestsPerSec;
  const ratioVerdict = atLeast(ratio, TARGETS.createToNoopRatio);
  const p99Verdict = atMost(create.latency.p99, TARGETS.createP99Ms);
  const problems = [create, noop]
    .filter((r) => r.unexpectedStatus + r.errors + r.timeouts > 0)
    .map((r) => `${r.name}: ${r.unexpectedStatus} unexpected status, ${r.errors} errors, ${r.timeouts} timeouts; first: ${r.firstFailure ?? 'n/a'}`);
  const { token: _token, personIds: _people, ...shown } = fixtures;
  return {
    ...plan,
    fixtures: shown,
    create,
    noop,
    ratio,
    ratioVerdict,
    p99Verdict,
    verdict: ratioVerdict === 'PASS' && p99Verdict === 'PASS' && problems.length === 0 ? 'PASS' : 'MISS',
    problems,
    createCommits,
    serverCpu,
    cpuProfile: profiles && {
      ...profiles,
      lines: [
        ...renderCpuProfileSummary('server CPU profile while creating referrals', profiles.create),
        '',
        ...renderCpuProfileSummary('server CPU profile during no-op requests', profiles.noop),
      ],
    },
  };
}
