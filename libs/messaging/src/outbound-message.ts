import type { RecordedEvent } from '@onedoor/event-store';

/**
 * One record to deliver for one committed event: to Kafka by the relay, and the same payload in the
 * same order to the pull feed and webhooks. Built by a PublicationRouter, never by the transports.
 */
export interface OutboundMessage {
  /** Global position of the source event; transports checkpoint on it. */
  position: number;
  /** The source event's id, which is also the CloudEvent id: consumers dedupe on it. */
  eventId: string;
  /** Kafka topic, e.g. the consortium-wide topic or one partner's topic. */
  topic: string;
  /** The partner this message is for, or null on the consortium-wide (hub) topic. */
  partnerId: string | null;
  /** Record key: the referral id, so one referral's events stay in order (the person id on per-person topics). */
  key: string;
  /** CloudEvents 1.0 Kafka binary-mode headers (ce_id, ce_source, ce_type, ce_specversion, ce_time, ce_subject, content-type). */
  headers: Record<string, string>;
  /** The JSON body, or null for a tombstone. */
  value: Buffer | null;
}

/**
 * Decides what every committed event becomes on the partner streams. Stateful (it learns who sent and
 * received each referral and what each person consented to), so it must be fed every event of the global
 * log in order, exactly once, from position 1; a transport resuming from a checkpoint replays the events
 * before it through `route` and discards the result.
 */
export interface PublicationRouter {
  route(event: RecordedEvent): OutboundMessage[];
}
