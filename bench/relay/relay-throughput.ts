import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Message, Partitioners } from 'kafkajs';
import { SqliteEventStore } from '@onedoor/event-store';
import { KafkaPublisher } from '../../apps/relay/src/kafka/kafka-publisher';
import { KafkaRelay } from '../../apps/relay/src/kafka/kafka-relay';
import { SqliteRelayLedger } from '../../apps/relay/src/kafka/sqlite-relay-ledger';
import { RelayTestRouter } from '../../test/support/relay-test-router';
import { scratchDir } from '../scratch-dir';
import { referralCreatedEvents } from '../store/referral-events';
import { perSecond, startTimer } from '../timing';
import { BENCH_BROKER, benchKafka, createTopics } from './bench-broker';

export interface ThroughputRepetition {
  relayPerSec: number;
  rawPerSec: number;
  ratio: number;
}

const PARTITIONS = 3;

/**
 * Relay throughput: `events` committed events, relayed from checkpoint 0 until the checkpoint reaches the
 * last (so every batch was acknowledged by the broker); against a raw kafkajs producer, configured the
 * same (idempotent, acks -1, one request in flight), sending the same records in batches of the same size
 * from memory. Each repetition sends to fresh topics; who goes first alternates, so neither side always
 * gets the warmer broker and JIT.
 */
export async function measureRelayThroughput(plan: { events: number; repetitions: number; batchSize: number }, progress: (line: string) => void): Promise<ThroughputRepetition[]> {
  Logger.overrideLogger(['error']);
  const dir = scratchDir('relay');
  const store = await SqliteEventStore.open({ file: dir.file('events.sqlite') });
  try {
    for (const { stream, event } of referralCreatedEvents(plan.events)) await store.append(stream, [event], 'any');
    const events = await store.readAll(0, plan.events);
    const repetitions: ThroughputRepetition[] = [];
    for (let rep = 1; rep <= plan.repetitions; rep++) {
      const [relayTopic, rawTopic] = [`bench-relay-${randomUUID()}`, `bench-raw-${randomUUID()}`];
      await createTopics([relayTopic, rawTopic], PARTITIONS);

      const router = new RelayTestRouter(rawTopic);
      const records: Message[] = events.flatMap((event) => router.route(event)).map((m) => ({ key: m.key, value: m.value, headers: m.headers }));
      let relayMs: number;
      let rawMs: number;
      if (rep % 2 === 0) {
        relayMs = await relayed(relayTopic, rep);
        rawMs = await rawProducer(rawTopic, records, plan.batchSize);
      } else {
        rawMs = await rawProducer(rawTopic, records, plan.batchSize);
        relayMs = await relayed(relayTopic, rep);
      }
      const result = { relayPerSec: perSecond(plan.events, relayMs), rawPerSec: perSecond(plan.events, rawMs), ratio: rawMs / relayMs };
      repetitions.push(result);
      progress(`relay throughput rep ${rep}: relay ${Math.round(result.relayPerSec)}/s, raw producer ${Math.round(result.rawPerSec)}/s`);
    }
    return repetitions;

    async function relayed(topic: string, rep: number): Promise<number> {
      const ledger = new SqliteRelayLedger(dir.file(`relay-${rep}.sqlite`));
      const relay = new KafkaRelay(store, ledger, () => new RelayTestRouter(topic), () => new KafkaPublisher({ brokers: [BENCH_BROKER], clientId: 'relay-bench', topicPartitions: PARTITIONS }), {
        instanceId: 'relay-bench',
        leaseTtlMs: 10_000,
        batchSize: plan.batchSize,
      });
      const elapsed = startTimer();
      relay.start();
      await relay.waitForCheckpoint(plan.events);
      const ms = elapsed();
      await relay.stop();
      await ledger.close();
      return ms;
    }
  } finally {
    await store.close();
    dir.dispose();
  }
}

async function rawProducer(topic: string, records: Message[], batchSize: number): Promise<number> {
  const producer = benchKafka('relay-bench-raw').producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const elapsed = startTimer();
  for (let i = 0; i < records.length; i += batchSize) {
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages: records.slice(i, i + batchSize) }] });
  }
  const ms = elapsed();
  await producer.disconnect();
  return ms;
}
