/** The targets, in one place. */
export const TARGETS = {
  /** (a) event-store appends/s divided by the raw better-sqlite3 rate at the same group sizes. */
  storeToRawRatio: 0.5,
  /** (b) create-referral requests/s divided by the no-op endpoint's requests/s. */
  createToNoopRatio: 0.5,
  /** (b) create-referral p99 latency, milliseconds, at 50 connections. */
  createP99Ms: 25,
  /** (c) staff search p99 latency, milliseconds, with 10,000 services and 50,000 referrals (in-process read model). */
  searchP99Ms: 5,
  /** (d) directory rebuild events/s divided by raw SQLite read-and-parse events/s from the same file. */
  rebuildToRawRatio: 0.5,
  /** (e) outcomes replay events/s divided by raw SQLite read-and-parse events/s from the same file. */
  outcomesReplayToRawRatio: 0.5,
  /** (e) peak resident memory of the outcomes replay of 1,000,000 events, MiB. */
  outcomesPeakRssMiB: 512,
  /** (f) Kafka relay end-to-end lag p99 (commit → a consumer receives it), milliseconds, at a steady 1,000 events/s. */
  relayLagP99Ms: 500,
  /** (k) restart of the all-in-one app with 1,000,000 events in the log: spawn → /health at the head and a read answered, ms. */
  restartServingMs: 10_000,
  /** (l) create-referral req/s through the gateway and separate services, over the all-in-one's on the same machine. */
  gatewayToAllInOneRatio: 0.5,
  /** (h) the console's JavaScript for the first screen, gzipped, KiB. */
  consoleFirstScreenJsGzipKiB: 250,
  /** (i) navigation → the contact point usable (heading shown, Name field takes typing), ms, localhost with the demo data. */
  consoleFirstInteractiveMs: 1000,
  /** (j) person search as you type (GET /people?search=…&limit=20) p95, ms, on a register of 10,000 people. */
  personSearchP95Ms: 100,
} as const;

export type Verdict = 'PASS' | 'MISS';

export const atLeast = (value: number, target: number): Verdict => (value >= target ? 'PASS' : 'MISS');
export const atMost = (value: number, target: number): Verdict => (value <= target ? 'PASS' : 'MISS');
