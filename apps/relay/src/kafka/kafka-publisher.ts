import { Admin, CompressionTypes, Kafka, Message, Partitioners, Producer, TopicMessages } from 'kafkajs';
import type { OutboundMessage } from '@onedoor/messaging';
import { kafkaLogCreator } from './kafka-log';
import { createTopicsWithLeaders } from './topics-with-leaders';

export interface KafkaPublisherOptions {
  brokers: string[];
  clientId: string;
  /** Partitions of the topics it creates. */
  topicPartitions: number;
}

/**
 * One connection to the cluster for one leadership term: an idempotent producer that waits for every
 * in-sync replica (acks -1), one request in flight so a retried batch cannot overtake the next, and an
 * admin client that creates the topics the router names before the first record goes to them. After a
 * failure the relay drops it and opens a new one, so a half-broken connection is never reused.
 */
export class KafkaPublisher {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly knownTopics = new Set<string>();
  private connected = false;

  constructor(private readonly options: KafkaPublisherOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logCreator: kafkaLogCreator,
      connectionTimeout: 1000,
      requestTimeout: 10_000,
      // Few retries inside kafkajs: the relay retries the whole batch itself, forever, with its own backoff.
      retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 },
    });
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      // The Java client's partitioner (murmur2 of the key), so partner consumers in any language agree.
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 },
    });
    this.admin = this.kafka.admin();
  }

  async connect(): Promise<void> {
    await this.admin.connect();
    await this.producer.connect();
    this.connected = true;
  }

  /** Sends the messages in order and resolves once the broker acknowledged them all; rejects otherwise. */
  async publish(messages: OutboundMessage[]): Promise<void> {
    if (!this.connected) await this.connect();
    if (messages.length === 0) return;
    await this.ensureTopics(messages);
    await this.producer.sendBatch({ acks: -1, compression: CompressionTypes.None, topicMessages: groupByTopic(messages) });
  }

  async disconnect(): Promise<void> {
    this.connected = false;
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }

  private async ensureTopics(messages: OutboundMessage[]): Promise<void> {
    const missing = [...new Set(messages.map((m) => m.topic))].filter((topic) => !this.knownTopics.has(topic));
    if (missing.length === 0) return;
    await createTopicsWithLeaders(this.admin, missing, { numPartitions: this.options.topicPartitions, timeoutMs: 10_000 });
    missing.forEach((topic) => this.knownTopics.add(topic));
  }
}

/** One entry per topic, messages in their original order (the order within a key is all Kafka keeps). */
function groupByTopic(messages: OutboundMessage[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const m of messages) {
    let list = byTopic.get(m.topic);
    if (!list) byTopic.set(m.topic, (list = []));
    list.push({ key: m.key, value: m.value, headers: m.headers });
  }
  return [...byTopic].map(([topic, list]) => ({ topic, messages: list }));
}
