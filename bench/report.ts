import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpBenchResult } from './http/http-bench';
import type { MachineInfo } from './machine';
import type { StoreBenchResult } from './store/store-bench';
import { fixed, formatTable, thousands } from './table';
import { TARGETS } from './targets';

export interface BenchRun {
  machine: MachineInfo;
  quick: boolean;
  cpuProfile: boolean;
  store?: StoreBenchResult;
  http?: HttpBenchResult | { skipped: string };
}

export const LAST_RUN_FILE = join(__dirname, 'last-run.json');

export function renderReport(run: BenchRun): string {
  const { machine } = run;
  const out = [
    '',
    `OneDoor benchmark — ${machine.date}${run.quick ? '  (QUICK smoke run: not for the record)' : ''}${run.cpuProfile ? '  (server CPU-profiled: slower than normal)' : ''}`,
    `node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.os}, commit ${machine.gitCommit ?? '?'}, load average at start ${machine.loadAverageAtStart}`,
  ];
  if (run.store) out.push('', ...renderStore(run.store));
  if (run.http) out.push('', ...renderHttp(run.http));
  out.push('', `summary: ${summaryLine(run)}`);
  return out.join('\n');
}

function summaryLine(run: BenchRun): string {
  const parts: string[] = [];
  if (run.store) parts.push(`(a) store/raw ≥ ${TARGETS.storeToRawRatio} ${run.store.verdict}`);
  if (run.http && 'skipped' in run.http) parts.push('(b) skipped');
  else if (run.http) parts.push(`(b) create/no-op ≥ ${TARGETS.createToNoopRatio} ${run.http.ratioVerdict}, create p99 ≤ ${TARGETS.createP99Ms} ms ${run.http.p99Verdict}`);
  return parts.join('; ');
}

function renderStore(result: StoreBenchResult): string[] {
  const rows = result.scenarios.map((s) => [
    String(s.inFlight),
    thousands(s.events),
    `${fixed(s.groups.meanSize, 1)} (max ${s.groups.maxSize})`,
    thousands(s.storePerSec),
    thousands(s.rawBatchedPerSec),
    thousands(s.rawPerCommitPerSec),
    `${fixed(s.ratio, 2)} [${fixed(s.ratioMin, 2)}–${fixed(s.ratioMax, 2)}]`,
    `≥ ${s.target}`,
    s.verdict,
  ]);
  return [
    `(a) Event store: concurrent single-event appends to distinct streams (WAL, synchronous=FULL, acknowledged after COMMIT)`,
    `    ${result.plan.repetitions} repetition(s), store and raw taking turns in slices; rates = all events / all time;`,
    `    ratio = store / raw better-sqlite3 with the same transaction sizes as the store's group commits [min–max per repetition]`,
    formatTable(
      ['in flight', 'events/rep', 'events/commit', 'store/s', 'raw same groups/s', 'raw 1 per commit/s', 'ratio', 'target', 'verdict'],
      rows,
    ),
    `(a) overall: ${result.verdict}`,
  ];
}

function renderHttp(result: HttpBenchResult | { skipped: string }): string[] {
  if ('skipped' in result) return [`(b) HTTP: skipped — ${result.skipped}`];
  const row = (name: string, e: HttpBenchResult['create']) => [
    name,
    `${e.method} ${e.path}`,
    thousands(e.requestsPerSec),
    fixed(e.latency.p50, 1),
    fixed(e.latency.p90, 1),
    fixed(e.latency.p99, 1),
    fixed(e.latency.max, 0),
    thousands(e.requests),
    String(e.unexpectedStatus + e.errors + e.timeouts),
  ];
  return [
    `(b) HTTP at ${result.connections} connections, server in its own process; per endpoint ${result.warmupSec} s warm-up, then ${result.rounds} × ${result.roundSec} s measured (rounds interleaved ABBA)`,
    `    referring as ${result.fixtures.partnerId} to ${result.fixtures.serviceId}, cycling ${result.people} people; no-op gets the same POST body and token`,
    formatTable(
      ['endpoint', 'request', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'requests', 'failed'],
      [row('create referral', result.create), row('no-op', result.noop)],
    ),
    `    latency excludes each connection's first response (ramp-up: ${result.create.firstOnConnection.count + result.noop.firstOnConnection.count} of them, ` +
      `up to ${fixed(Math.max(result.create.firstOnConnection.max, result.noop.firstOnConnection.max), 0)} ms); with them p99 is ` +
      `${fixed(result.create.latencyWithConnectionStarts.p99, 0)} ms create, ${fixed(result.noop.latencyWithConnectionStarts.p99, 0)} ms no-op`,
    formatTable(
      ['check', 'measured', 'target', 'verdict'],
      [
        ['create/no-op req/s ratio', fixed(result.ratio, 3), `≥ ${TARGETS.createToNoopRatio}`, result.ratioVerdict],
        ['create p99 latency', `${fixed(result.create.latency.p99, 1)} ms`, `≤ ${TARGETS.createP99Ms} ms`, result.p99Verdict],
      ],
    ),
    `    closed loop: mean latency = connections / req/s (${fixed(result.create.latency.mean, 1)} ms for create), so p99 ≤ ${TARGETS.createP99Ms} ms ` +
      `needs at least ${thousands(result.connections / (TARGETS.createP99Ms / 1000))} create/s`,
    ...renderCommits(result.createCommits),
    ...result.problems.map((p) => `(b) PROBLEM: ${p}`),
    `(b) overall: ${result.verdict}`,
    ...(result.cpuProfile ? ['', ...result.cpuProfile.lines] : []),
  ];
}

function renderCommits(c: HttpBenchResult['createCommits']): string[] {
  return [
    `    server's event store while creating referrals: ${thousands(c.perSec)} group commits/s, ${fixed(c.appendsPerCommit, 1)} appends per commit;`,
    `    each commit holds the event loop (fsync, WAL checkpoints): p50 ${fixed(c.commitMs.p50, 1)} ms, p99 ${fixed(c.commitMs.p99, 1)} ms, ` +
      `max ${fixed(c.commitMs.max, 1)} ms, ${fixed(c.commitMs.totalPerSec, 0)} ms per second in all`,
  ];
}

export function writeLastRun(run: BenchRun): void {
  writeFileSync(LAST_RUN_FILE, JSON.stringify(run, null, 2) + '\n');
}
