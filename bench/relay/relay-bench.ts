import { median } from '../timing';
import { atMost, TARGETS, Verdict } from '../targets';
import { ensureBroker } from './bench-broker';
import { LagResult, measureRelayLag } from './relay-lag';
import { measureRelayThroughput, ThroughputRepetition } from './relay-throughput';

export interface RelayBenchResult {
  throughput: { events: number; batchSize: number; repetitions: ThroughputRepetition[]; medianRatio: number };
  lag: LagResult;
  lagVerdict: Verdict;
}

export const RELAY_PLAN = { events: 50_000, repetitions: 4, batchSize: 1000, lagPerSec: 1000, lagSeconds: 30 };
export const QUICK_RELAY_PLAN = { events: 10_000, repetitions: 2, batchSize: 1000, lagPerSec: 1000, lagSeconds: 5 };

/** (f) relay throughput against a raw kafkajs producer; (g) end-to-end lag at a steady 1,000 events/s. Real broker on 127.0.0.1:9092. */
export async function runRelayBench(plan: typeof RELAY_PLAN, progress: (line: string) => void): Promise<RelayBenchResult> {
  ensureBroker();
  const repetitions = await measureRelayThroughput(plan, progress);
  const lag = await measureRelayLag({ perSec: plan.lagPerSec, seconds: plan.lagSeconds, batchSize: plan.batchSize }, progress);
  return {
    throughput: { events: plan.events, batchSize: plan.batchSize, repetitions, medianRatio: median(repetitions.map((r) => r.ratio)) },
    lag,
    lagVerdict: lag.received === lag.appended ? atMost(lag.lagMs.p99, TARGETS.relayLagP99Ms) : 'MISS',
  };
}
