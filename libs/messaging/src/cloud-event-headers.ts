/**
 * CloudEvents 1.0 attributes of one outbound message, and their forms on each transport:
 * Kafka binary mode (`ce_*` headers, `content-type`), HTTP binary mode for webhooks (`ce-*` headers) and
 * structured JSON for the pull feed. Headers and keys never carry personal data: ids, types and times only.
 */
export interface CloudEventAttributes {
  id: string;
  source: string;
  type: string;
  /** The referral id, or the person id for per-person messages. */
  subject: string;
  /** When it happened (the domain event's own time). */
  time: string;
  /** Extension: the global log position of the source event, a cursor for the pull feed. */
  position: number;
}

export const DATA_CONTENT_TYPE = 'application/json';

/** Where OneDoor's events come from: one consortium's deployment. */
export const sourceOf = (consortiumId: string) => `urn:onedoor:consortium:${consortiumId}`;

/** Kafka binary content mode: every attribute as a `ce_` header; `content-type` only when there is data (not on tombstones). */
export function kafkaHeaders(attributes: CloudEventAttributes, hasData: boolean): Record<string, string> {
  return {
    ce_specversion: '1.0',
    ce_id: attributes.id,
    ce_source: attributes.source,
    ce_type: attributes.type,
    ce_subject: attributes.subject,
    ce_time: attributes.time,
    ce_position: String(attributes.position),
    ...(hasData ? { 'content-type': DATA_CONTENT_TYPE } : {}),
  };
}

/** The same attributes as HTTP binary-mode headers (`ce-id`, …), for webhook deliveries. */
export function httpHeaders(kafka: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(kafka).map(([name, value]) => [name.startsWith('ce_') ? `ce-${name.slice(3)}` : name, value]));
}

/** A structured-mode CloudEvent (JSON) of a message: its attributes, and `data` unless it is a tombstone. */
export interface StructuredCloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  position: number;
  datacontenttype?: string;
  data?: unknown;
}

export function structuredCloudEvent(kafka: Record<string, string>, value: Buffer | string | null): StructuredCloudEvent {
  return {
    specversion: '1.0',
    id: kafka.ce_id,
    source: kafka.ce_source,
    type: kafka.ce_type,
    subject: kafka.ce_subject,
    time: kafka.ce_time,
    position: Number(kafka.ce_position),
    ...(value === null ? {} : { datacontenttype: kafka['content-type'], data: JSON.parse(value.toString()) }),
  };
}
