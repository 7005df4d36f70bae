import { randomUUID } from 'node:crypto';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import { createTopicsWithLeaders } from '../../apps/relay/src/kafka/topics-with-leaders';

/** One record as a partner would see it, with what the relay tests check. */
export interface ReadRecord {
  eventId: string;
  key: string;
  position: number;
  partition: number;
  headers: Record<string, string>;
  /** The parsed JSON body, or null for a tombstone. */
  value: unknown;
}

/**
 * Reads a topic from its beginning with a plain kafkajs consumer (a fresh group each time), keeping every
 * record, duplicates included, in the order each partition delivered them.
 */
export class TopicReader {
  readonly records: ReadRecord[] = [];
  private consumer: Consumer | undefined;
  private readonly kafka: Kafka;

  constructor(private readonly topic: string, broker: string) {
    this.kafka = new Kafka({ clientId: 'relay-test-reader', brokers: [broker], logLevel: logLevel.NOTHING, retry: { retries: 20, maxRetryTime: 2000 } });
  }

  /** Creates the topic if the relay has not yet, so the consumer can join before the first record. */
  async start(partitions = 3): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    // A consumer joining a topic whose partitions have no leader yet fails with "does not host this topic-partition".
    await createTopicsWithLeaders(admin, [this.topic], { numPartitions: partitions });
    await admin.disconnect();
    this.consumer = this.kafka.consumer({ groupId: `relay-test-${randomUUID()}`, sessionTimeout: 10_000, heartbeatInterval: 1000, retry: { retries: 50, maxRetryTime: 2000 } });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ message, partition }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        const value = message.value === null ? null : (JSON.parse(String(message.value)) as { position?: number });
        // The position rides in the ce_position header (CloudEvents extension); a stand-in router may put it in the body.
        const position = headers.ce_position !== undefined ? Number(headers.ce_position) : value!.position!;
        this.records.push({ eventId: headers.ce_id, key: String(message.key), position, partition, headers, value });
      },
    });
  }

  /** Distinct event ids seen so far. */
  distinct(): Set<string> {
    return new Set(this.records.map((r) => r.eventId));
  }

  /** Waits until `count` distinct events arrived (bounded: rejects after `timeoutMs`, saying how many did). */
  async waitForDistinct(count: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.distinct().size < count) {
      if (Date.now() > deadline) throw new Error(`only ${this.distinct().size} of ${count} events arrived on ${this.topic}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Per key, the positions in arrival order after dropping repeats: what a consumer deduping by event id sees. */
  firstArrivalsByKey(): Map<string, number[]> {
    const seen = new Set<string>();
    const byKey = new Map<string, number[]>();
    for (const record of this.records) {
      if (seen.has(record.eventId)) continue;
      seen.add(record.eventId);
      byKey.set(record.key, [...(byKey.get(record.key) ?? []), record.position]);
    }
    return byKey;
  }

  /** Positions that arrived more than once. */
  duplicatedPositions(): number[] {
    const counts = new Map<number, number>();
    this.records.forEach((r) => counts.set(r.position, (counts.get(r.position) ?? 0) + 1));
    return [...counts].filter(([, n]) => n > 1).map(([position]) => position);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

/** Every position 1..head reached the topic, each key's in log order once repeats are dropped (waits, bounded, first). */
export async function expectEveryPositionInOrder(reader: TopicReader, head: number, timeoutMs = 90_000): Promise<void> {
  await reader.waitForDistinct(head, timeoutMs);
  const positions = [...new Set(reader.records.map((r) => r.position))].sort((a, b) => a - b);
  expect(positions).toEqual(Array.from({ length: head }, (_, i) => i + 1));
  for (const arrivals of reader.firstArrivalsByKey().values()) expect(arrivals).toEqual([...arrivals].sort((a, b) => a - b));
}
