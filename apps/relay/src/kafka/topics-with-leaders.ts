import { Admin } from 'kafkajs';

export interface TopicsWithLeadersOptions {
  numPartitions: number;
  /** How long to keep asking before giving up (default 30 s). */
  timeoutMs?: number;
  /** Pause between asks (default 100 ms). */
  pollMs?: number;
}

/**
 * Creates the topics that do not exist yet and resolves once every partition of every topic has a leader.
 *
 * kafkajs's own `waitForLeaders` retries only LEADER_NOT_AVAILABLE; a broker that has just started, on a busy
 * machine, can answer the metadata of a topic it created a moment ago with UNKNOWN_TOPIC_OR_PARTITION ("This
 * server does not host this topic-partition"), which kafkajs treats as final. Both answers mean "not yet" here,
 * so creation and the leadership check are retried until the deadline.
 */
export async function createTopicsWithLeaders(admin: Admin, topics: string[], options: TopicsWithLeadersOptions): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const pause = () => new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
  let lastError: unknown;
  for (;;) {
    try {
      // Resolves false, not an error, for topics another client (or an earlier call) already created.
      await admin.createTopics({ waitForLeaders: false, topics: topics.map((topic) => ({ topic, numPartitions: options.numPartitions })) });
      break;
    } catch (error) {
      lastError = error;
      if (Date.now() > deadline) throw new Error(`could not create topics ${topics.join(', ')}: ${String(error)}`);
      await pause();
    }
  }
  for (;;) {
    const metadata = await admin.fetchTopicMetadata({ topics }).catch((error: unknown) => {
      lastError = error;
      return undefined;
    });
    if (metadata && everyPartitionLed(metadata.topics, topics)) return;
    if (Date.now() > deadline) throw new Error(`topics ${topics.join(', ')} have no leader for every partition: ${String(lastError ?? 'no leader yet')}`);
    await pause();
  }
}

interface TopicMetadata {
  name: string;
  partitions: { leader: number }[];
}

/** Whether the metadata names every topic and each has partitions, all with a leader. */
export function everyPartitionLed(metadata: TopicMetadata[], topics: string[]): boolean {
  return topics.every((topic) => {
    const known = metadata.find((t) => t.name === topic);
    return known !== undefined && known.partitions.length > 0 && known.partitions.every((p) => p.leader >= 0);
  });
}
