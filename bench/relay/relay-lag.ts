import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@onedoor/event-store';
import { KafkaPublisher } from '../../apps/relay/src/kafka/kafka-publisher';
import { KafkaRelay } from '../../apps/relay/src/kafka/kafka-relay';
import { SqliteRelayLedger } from '../../apps/relay/src/kafka/sqlite-relay-ledger';
import { RelayTestRouter } from '../../test/support/relay-test-router';
import { scratchDir } from '../scratch-dir';
import { referralCreatedEvents } from '../store/referral-events';
import { percentile } from '../timing';
import { BENCH_BROKER, benchKafka, createTopics } from './bench-broker';

export interface LagResult {
  targetPerSec: number;
  seconds: number;
  appended: number;
  received: number;
  /** Events appended per second, as achieved. */
  achievedPerSec: number;
  lagMs: { p50: number; p90: number; p99: number; max: number };
}

/**
 * End-to-end lag at a steady rate: an appender commits `perSec` events a second (one append per event, paced
 * every 10 ms); the relay (in this process, nudged by each commit as in the all-in-one app) publishes them;
 * a plain kafkajs consumer receives them. Lag = receive time − the moment the append was acknowledged.
 */
export async function measureRelayLag(plan: { perSec: number; seconds: number; batchSize: number }, progress: (line: string) => void): Promise<LagResult> {
  Logger.overrideLogger(['error']);
  const dir = scratchDir('relay-lag');
  const store = await SqliteEventStore.open({ file: dir.file('events.sqlite') });
  const ledger = new SqliteRelayLedger(dir.file('relay.sqlite'));
  const topic = `bench-lag-${randomUUID()}`;
  await createTopics([topic], 3);
  const committedAt = new Map<string, number>();
  const lags: number[] = [];
  const consumer = benchKafka('relay-bench-lag').consumer({ groupId: `bench-${randomUUID()}`, maxWaitTimeInMs: 50 });
  const relay = new KafkaRelay(store, ledger, () => new RelayTestRouter(topic), () => new KafkaPublisher({ brokers: [BENCH_BROKER], clientId: 'relay-bench', topicPartitions: 3 }), {
    instanceId: 'relay-bench-lag',
    leaseTtlMs: 10_000,
    batchSize: plan.batchSize,
  });
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachBatchAutoResolve: true,
      eachBatch: async ({ batch }) => {
        const now = performance.now();
        for (const message of batch.messages) {
          const at = committedAt.get(String(message.headers?.ce_id));
          if (at !== undefined) lags.push(now - at);
        }
      },
    });
    relay.start();
    const total = plan.perSec * plan.seconds;
    const workload = referralCreatedEvents(total);
    const start = performance.now();
    let next = 0;
    const pending: Promise<void>[] = [];
    while (next < total) {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * plan.perSec) + 1);
      for (; next < due; next++) {
        const { stream, event } = workload[next];
        pending.push(store.append(stream, [event], 'any').then(() => void committedAt.set(event.id, performance.now())));
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await Promise.all(pending);
    const achievedPerSec = (total * 1000) / (performance.now() - start);
    const deadline = performance.now() + 60_000;
    while (lags.length < total && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    progress(`relay lag: ${lags.length} of ${total} events received`);
    return {
      targetPerSec: plan.perSec,
      seconds: plan.seconds,
      appended: total,
      received: lags.length,
      achievedPerSec,
      lagMs: { p50: percentile(lags, 50), p90: percentile(lags, 90), p99: percentile(lags, 99), max: Math.max(...lags) },
    };
  } finally {
    await relay.stop();
    await consumer.disconnect();
    await ledger.close();
    await store.close();
    dir.dispose();
  }
}
