import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { createTopicsWithLeaders } from '../../apps/relay/src/kafka/topics-with-leaders';

export const BENCH_BROKER = '127.0.0.1:9092';

/** Starts the real broker of infra/kafka when it is not running (resolving its jars on a fresh machine). */
export function ensureBroker(): void {
  execFileSync('bash', [join(__dirname, '..', '..', 'infra', 'kafka', 'start.sh')], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000 });
}

export function benchKafka(clientId: string): Kafka {
  return new Kafka({ clientId, brokers: [BENCH_BROKER], logLevel: logLevel.NOTHING });
}

/** Creates topics up front, so neither side of a comparison pays for creating one. */
export async function createTopics(topics: string[], partitions: number): Promise<void> {
  const admin = benchKafka('relay-bench-admin').admin();
  await admin.connect();
  await createTopicsWithLeaders(admin, topics, { numPartitions: partitions });
  await admin.disconnect();
}
