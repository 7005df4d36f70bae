import autocannon from 'autocannon';
import { percentile } from '../timing';

export interface LoadTarget {
  name: string;
  method: 'POST';
  path: string;
  expectStatus: number;
  headers: Record<string, string>;
  /** Called for every request, so consecutive requests can carry different bodies. */
  nextBody: () => string;
}

/** One closed-loop run of autocannon, kept unaggregated so several runs can be merged. */
export interface LoadRound {
  raw: autocannon.RawResult;
  expected: number;
  durationSec: number;
  firstFailure?: string;
  /** Expected responses in each second of the round, to show drift (e.g. slowing as the log grows). */
  perSecond: number[];
  /** Response times in ms, except each connection's first (see LoadResult.latency). */
  latencies: number[];
  /** Response times of each connection's first request. */
  firstOnConnectionMs: number[];
}

export interface LoadResult {
  name: string;
  method: string;
  path: string;
  rounds: number;
  durationSec: number;
  requests: number;
  /** Responses with the expected status, per second. */
  requestsPerSec: number;
  /**
   * Steady state: every response except each connection's first. A round opens 50 fresh connections
   * while the first ones already keep the server saturated, so first requests queue for up to ~1 s
   * (a plain node:http server shows the same); that is load-generator ramp-up, not request latency.
   */
  latency: { mean: number; p50: number; p90: number; p99: number; max: number };
  /** autocannon's own figures, every response included, for transparency. */
  latencyWithConnectionStarts: { p99: number; max: number };
  firstOnConnection: { count: number; p50: number; max: number };
  unexpectedStatus: number;
  errors: number;
  timeouts: number;
  /** The first unexpected response, to say why requests failed. */
  firstFailure?: string;
  perSecond: number[];
}

/**
 * `connections` autocannon clients in this process, each sending its next request when the previous
 * response arrives, for `durationSec`.
 */
export async function applyLoad(baseUrl: string, target: LoadTarget, connections: number, durationSec: number): Promise<LoadRound> {
  let expected = 0;
  let firstFailure: string | undefined;
  const perSecond: number[] = [];
  const started = Date.now();
  const latencies: number[] = [];
  const firstOnConnectionMs: number[] = [];
  const answered = new WeakSet<object>();
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration: durationSec,
    timeout: 10,
    skipAggregateResult: true,
    requests: [
      {
        method: target.method,
        path: target.path,
        headers: { ...target.headers, 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: target.nextBody() }),
        onResponse: (status, body) => {
          if (status === target.expectStatus) {
            expected++;
            const second = Math.floor((Date.now() - started) / 1000);
            perSecond[second] = (perSecond[second] ?? 0) + 1;
          } else firstFailure ??= `${status}: ${body.slice(0, 300)}`;
        },
      },
    ],
  });
  instance.on('response', (client, _status, _bytes, ms) => {
    if (answered.has(client)) latencies.push(ms);
    else {
      answered.add(client);
      firstOnConnectionMs.push(ms);
    }
  });
  const raw = (await instance) as unknown as autocannon.RawResult;
  const whole = Math.min(perSecond.length, Math.floor(durationSec));
  return { raw, expected, durationSec: raw.duration, firstFailure, perSecond: Array.from({ length: whole }, (_, i) => perSecond[i] ?? 0), latencies, firstOnConnectionMs };
}

/** Merges rounds of one target: counts and time are summed, response times pooled. */
export function combineRounds(baseUrl: string, connections: number, target: LoadTarget, rounds: LoadRound[]): LoadResult {
  const merged = autocannon.aggregateResult(rounds.map((r) => r.raw), { url: baseUrl, connections });
  const sum = (pick: (r: LoadRound) => number) => rounds.reduce((total, r) => total + pick(r), 0);
  const durationSec = sum((r) => r.durationSec);
  const requests = sum((r) => r.raw.totalCompletedRequests);
  const expected = sum((r) => r.expected);
  const latencies = rounds.flatMap((r) => r.latencies);
  const firsts = rounds.flatMap((r) => r.firstOnConnectionMs);
  return {
    name: target.name,
    method: target.method,
    path: target.path,
    rounds: rounds.length,
    durationSec,
    requests,
    requestsPerSec: expected / durationSec,
    latency: {
      mean: latencies.reduce((total, ms) => total + ms, 0) / latencies.length,
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      max: Math.max(...latencies),
    },
    latencyWithConnectionStarts: { p99: merged.latency.p99, max: merged.latency.max },
    firstOnConnection: { count: firsts.length, p50: percentile(firsts, 50), max: Math.max(...firsts) },
    unexpectedStatus: requests - expected,
    errors: sum((r) => r.raw.errors),
    timeouts: sum((r) => r.raw.timeouts),
    firstFailure: rounds.find((r) => r.firstFailure)?.firstFailure,
    perSecond: rounds.flatMap((r) => r.perSecond),
  };
}
