import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsoleBenchResult } from './console/console-bench';
import { renderConsole } from './console/console-report';
import type { DirectoryBenchResult } from './directory/directory-bench';
import type { HttpBenchResult } from './http/http-bench';
import type { OutcomesBenchResult } from './outcomes/outcomes-bench';
import { renderOutcomes } from './outcomes/outcomes-report';
import type { RelayBenchResult } from './relay/relay-bench';
import type { RestartBenchResult } from './restart/restart-bench';
import { renderRestart } from './restart/restart-report';
import type { GatewayBenchResult } from './gateway/gateway-bench';
import { renderGateway } from './gateway/gateway-report';
import type { MachineInfo } from './machine';
import type { StoreBenchResult } from './store/store-bench';
import { fixed, formatTable, thousands } from './table';
import { TARGETS, atLeast, atMost } from './targets';

export interface BenchRun {
  machine: MachineInfo;
  quick: boolean;
  cpuProfile: boolean;
  store?: StoreBenchResult;
  /** (a-pg) the same appends against PostgresEventStore and raw node-postgres. */
  postgresStore?: StoreBenchResult;
  http?: HttpBenchResult | { skipped: string };
  directory?: DirectoryBenchResult;
  outcomes?: OutcomesBenchResult;
  restart?: RestartBenchResult;
  gateway?: GatewayBenchResult;
  relay?: RelayBenchResult;
  console?: ConsoleBenchResult;
}

export const LAST_RUN_FILE = join(__dirname, 'last-run.json');

export function renderReport(run: BenchRun): string {
  const { machine } = run;
  const out = [
    '',
    `OneDoor benchmark — ${machine.date}${run.quick ? '  (QUICK smoke run: not for the record)' : ''}${run.cpuProfile ? '  (server CPU-profiled: slower than normal)' : ''}`,
    `node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.os}, commit ${machine.gitCommit ?? '?'}, load average at start ${machine.loadAverageAtStart}`,
  ];
  if (run.store) out.push('', ...renderStore(run.store, SQLITE_STORE_TITLE));
  if (run.postgresStore) out.push('', ...renderStore(run.postgresStore, POSTGRES_STORE_TITLE));
  if (run.http) out.push('', ...renderHttp(run.http));
  if (run.directory) out.push('', ...renderDirectory(run.directory));
  if (run.outcomes) out.push('', ...renderOutcomes(run.outcomes));
  if (run.restart) out.push('', ...renderRestart(run.restart));
  if (run.gateway) out.push('', ...renderGateway(run.gateway));
  if (run.relay) out.push('', ...renderRelay(run.relay));
  if (run.console) out.push('', ...renderConsole(run.console));
  out.push('', `summary: ${summaryLine(run)}`);
  return out.join('\n');
}

function summaryLine(run: BenchRun): string {
  const parts: string[] = [];
  if (run.store) parts.push(`(a) store/raw ≥ ${TARGETS.storeToRawRatio} ${run.store.verdict}`);
  if (run.postgresStore) parts.push(`(a-pg) postgres store/raw ≥ ${TARGETS.storeToRawRatio} ${run.postgresStore.verdict}`);
  if (run.http && 'skipped' in run.http) parts.push('(b) skipped');
  else if (run.http) parts.push(`(b) create/no-op ≥ ${TARGETS.createToNoopRatio} ${run.http.ratioVerdict}, create p99 ≤ ${TARGETS.createP99Ms} ms ${run.http.p99Verdict}`);
  if (run.directory) {
    parts.push(`(c) search p99 ≤ ${TARGETS.searchP99Ms} ms ${atMost(run.directory.search.indexed.p99, TARGETS.searchP99Ms)}`);
    parts.push(`(d) rebuild/raw ≥ ${TARGETS.rebuildToRawRatio} ${atLeast(run.directory.rebuild.ratio, TARGETS.rebuildToRawRatio)}`);
  }
  if (run.outcomes) {
    parts.push(`(e) outcomes replay/raw ≥ ${TARGETS.outcomesReplayToRawRatio} ${atLeast(run.outcomes.ratio, TARGETS.outcomesReplayToRawRatio)}, peak RSS ≤ ${TARGETS.outcomesPeakRssMiB} MiB ${atMost(Math.max(...run.outcomes.peakRssMiB), TARGETS.outcomesPeakRssMiB)}`);
  }
  if (run.restart) parts.push(`(k) restart with ${run.restart.events.toLocaleString('en-GB')} events ≤ ${TARGETS.restartServingMs / 1000} s ${run.restart.verdict}`);
  if (run.gateway) parts.push(`(l) gateway/all-in-one create-referral ≥ ${TARGETS.gatewayToAllInOneRatio} ${run.gateway.verdict}`);
  if (run.relay) parts.push(`(g) relay lag p99 ≤ ${TARGETS.relayLagP99Ms} ms ${run.relay.lagVerdict}`);
  if (run.console) {
    const c = run.console;
    parts.push(`(h) first-screen JS ≤ ${TARGETS.consoleFirstScreenJsGzipKiB} KiB gzipped ${atMost(c.bundle.firstScreenGzipBytes / 1024, TARGETS.consoleFirstScreenJsGzipKiB)}`);
    parts.push(`(i) first interactive ≤ ${TARGETS.consoleFirstInteractiveMs} ms ${atMost(c.firstInteractive.consoleCold.median, TARGETS.consoleFirstInteractiveMs)}`);
    parts.push(`(j) person search p95 ≤ ${TARGETS.personSearchP95Ms} ms ${atMost(c.personSearch.search.p95, TARGETS.personSearchP95Ms)}`);
  }
  return parts.join('; ');
}

function renderRelay({ throughput, lag, lagVerdict }: RelayBenchResult): string[] {
  return [
    `(f) Kafka relay throughput: ${thousands(throughput.events)} committed events relayed from checkpoint 0 to the broker's acknowledgement of the last,`,
    `    batches of ${thousands(throughput.batchSize)}, idempotent producer, acks=all, one request in flight; real broker on 127.0.0.1:9092;`,
    `    baseline = a raw kafkajs producer, configured the same, sending the same records from memory`,
    formatTable(
      ['repetition', 'relay events/s', 'raw producer events/s', 'relay / raw'],
      throughput.repetitions.map((r, i) => [String(i + 1), thousands(r.relayPerSec), thousands(r.rawPerSec), fixed(r.ratio, 2)]),
    ),
    `    median relay / raw: ${fixed(throughput.medianRatio, 2)}`,
    '',
    `(g) End-to-end lag at a steady ${thousands(lag.targetPerSec)} events/s for ${lag.seconds} s (achieved ${thousands(lag.achievedPerSec)}/s): commit acknowledged → a kafkajs consumer receives it`,
    formatTable(['events', 'received', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'], [[thousands(lag.appended), thousands(lag.received), fixed(lag.lagMs.p50, 1), fixed(lag.lagMs.p90, 1), fixed(lag.lagMs.p99, 1), fixed(lag.lagMs.max, 0)]]),
    formatTable(['check', 'measured', 'target', 'verdict'], [['relay lag p99', `${fixed(lag.lagMs.p99, 1)} ms`, `≤ ${TARGETS.relayLagP99Ms} ms`, lagVerdict]]),
  ];
}

function renderDirectory({ search, rebuild }: DirectoryBenchResult): string[] {
  const row = (name: string, l: { p50: number; p99: number; max: number; count: number }) => [name, fixed(l.p50, 3), fixed(l.p99, 3), fixed(l.max, 2), thousands(l.count)];
  const redis = search.redis && !('skipped' in search.redis) ? [row('Redis read model (127.0.0.1, same queries)', search.redis)] : [];
  return [
    `(c) Staff search: ${thousands(search.services)} services, ${thousands(search.referrals)} referrals (${thousands(search.referralEvents)} events) in history; ` +
      `${thousands(search.queries)} queries mixing need, words, postcode distance, age, community, capacity; first page of 20`,
    `    baseline = a linear scan over plain objects of the same services with the same semantics, taking turns with the indexed search`,
    formatTable(['search', 'p50 ms', 'p99 ms', 'max ms', 'queries'], [row('indexed, in-process read model', search.indexed), row('linear scan (baseline)', search.linearScan), ...redis]),
    ...(search.redis && 'skipped' in search.redis ? [`    Redis: skipped — ${search.redis.skipped}`] : []),
    `    linear-scan p99 / indexed p99 = ${fixed(search.speedup, 1)}×; answers differing from the baseline: ${search.mismatches}`,
    formatTable(['check', 'measured', 'target', 'verdict'], [['search p99 (in-process)', `${fixed(search.indexed.p99, 3)} ms`, `≤ ${TARGETS.searchP99Ms} ms`, atMost(search.indexed.p99, TARGETS.searchP99Ms)]]),
    '',
    `(d) Directory rebuild from ${thousands(rebuild.events)} events (${fixed(rebuild.fileMiB, 0)} MiB SQLite file, ${thousands(rebuild.services)} services), batches of ${rebuild.batchSize}; ` +
      `raw = the store's SELECT + JSON.parse of data and metadata; rebuild = SqliteEventStore.readAll + DirectoryProjection into the in-process read model`,
    formatTable(
      ['repetition', 'raw events/s', 'rebuild events/s', 'ratio'],
      rebuild.rawPerSec.map((raw, i) => [String(i + 1), thousands(raw), thousands(rebuild.rebuildPerSec[i]), fixed(rebuild.rebuildPerSec[i] / raw, 2)]),
    ),
    formatTable(['check', 'measured', 'target', 'verdict'], [['rebuild / raw (mean rates)', fixed(rebuild.ratio, 2), `≥ ${TARGETS.rebuildToRawRatio}`, atLeast(rebuild.ratio, TARGETS.rebuildToRawRatio)]]),
  ];
}

interface StoreTitle {
  label: string;
  heading: string;
  raw: string;
  note?: string;
}

const SQLITE_STORE_TITLE: StoreTitle = {
  label: '(a)',
  heading: 'Event store: concurrent single-event appends to distinct streams (WAL, synchronous=FULL, acknowledged after COMMIT)',
  raw: 'raw better-sqlite3',
};

const POSTGRES_STORE_TITLE: StoreTitle = {
  label: '(a-pg)',
  heading: 'PostgreSQL event store: concurrent single-event appends to distinct streams (local server, synchronous_commit on, acknowledged after COMMIT)',
  raw: 'raw node-postgres (BEGIN, one multi-row INSERT, COMMIT)',
  note: '"raw 1 per commit" = autocommit single-row INSERTs from the same number of callers over a 10-connection pool',
};

function renderStore(result: StoreBenchResult, title: StoreTitle): string[] {
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
    `${title.label} ${title.heading}`,
    `    ${result.plan.repetitions} repetition(s), store and raw taking turns in slices; rates = all events / all time;`,
    `    ratio = store / ${title.raw} with the same transaction sizes as the store's group commits [min–max per repetition]`,
    ...(title.note ? [`    ${title.note}`] : []),
    formatTable(
      ['in flight', 'events/rep', 'events/commit', 'store/s', 'raw same groups/s', 'raw 1 per commit/s', 'ratio', 'target', 'verdict'],
      rows,
    ),
    ...renderAlongside(result),
    `${title.label} overall: ${result.verdict}`,
  ];
}

/** Other stores that did the same appends in the same slices (Emmett's, for PostgreSQL), next to ours. */
function renderAlongside(result: StoreBenchResult): string[] {
  const names = result.scenarios[0]?.alongside.map((a) => a.name) ?? [];
  return names.flatMap((name) => [
    `    side by side: ${name} doing the same appends after the raw side in every slice (one transaction per append; it has no group commit)`,
    formatTable(
      ['in flight', `${name}/s`, `${name} / raw same groups`, `${name} / raw 1 per commit`, 'ours / raw same groups', `ours / ${name}`],
      result.scenarios.map((s) => {
        const other = s.alongside.find((a) => a.name === name)!;
        return [String(s.inFlight), thousands(other.perSec), fixed(other.ratioToRawSameGroups, 2), fixed(other.ratioToRawPerCommit, 2), fixed(s.ratio, 2), `${fixed(other.oursToIt, 1)}×`];
      }),
    ),
  ]);
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
    `    server CPU per response: create ${thousands(result.serverCpu.create.processUsPerResponse)} µs ` +
      `(main thread busy ${thousands(result.serverCpu.create.mainThreadUsPerResponse)} µs), no-op ${thousands(result.serverCpu.noop.processUsPerResponse)} µs ` +
      `(main thread ${thousands(result.serverCpu.noop.mainThreadUsPerResponse)} µs); create/no-op main-thread cost ` +
      `${fixed(result.serverCpu.create.mainThreadUsPerResponse / result.serverCpu.noop.mainThreadUsPerResponse, 2)}×`,
    ...result.problems.map((p) => `(b) PROBLEM: ${p}`),
    `(b) overall: ${result.verdict}`,
    ...(result.cpuProfile ? ['', ...result.cpuProfile.lines] : []),
  ];
}

function renderCommits(c: HttpBenchResult['createCommits']): string[] {
  // The probe wraps writeGroup on the server's main thread; with the default worker writer the commits happen elsewhere.
  if (c.perSec === 0) return ['    group commits run on the event store\'s writer thread (the default), so they do not hold the event loop'];
  return [
    `    server's event store while creating referrals: ${thousands(c.perSec)} group commits/s, ${fixed(c.appendsPerCommit, 1)} appends per commit;`,
    `    each commit holds the event loop (fsync, WAL checkpoints): p50 ${fixed(c.commitMs.p50, 1)} ms, p99 ${fixed(c.commitMs.p99, 1)} ms, ` +
      `max ${fixed(c.commitMs.max, 1)} ms, ${fixed(c.commitMs.totalPerSec, 0)} ms per second in all`,
  ];
}

export function writeLastRun(run: BenchRun): void {
  writeFileSync(LAST_RUN_FILE, JSON.stringify(run, null, 2) + '\n');
}
