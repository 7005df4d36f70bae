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
} as const;

export type Verdict = 'PASS' | 'MISS';

export const atLeast = (value: number, target: number): Verdict => (value >= target ? 'PASS' : 'MISS');
export const atMost = (value: number, target: number): Verdict => (value <= target ? 'PASS' : 'MISS');
