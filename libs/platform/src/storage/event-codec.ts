import { randomUUID } from 'node:crypto';
import { DomainEvent, EVENT_SCHEMA_VERSIONS } from '@onedoor/domain';
import type { NewEvent, RecordedEvent } from '@onedoor/event-store';

/** Who caused an event and why, kept beside it for the audit trail (never personal data). */
export interface EventMetadata {
  staffId?: string;
  partnerId?: string;
  correlationId?: string;
  causationId?: string;
  /** Set on every event of a request that carried an Idempotency-Key (see IdempotentRequest): hashes and a seed. */
  idempotencyId?: string;
  requestFingerprint?: string;
  idSeed?: string;
}

/** Lifts an old event shape to the current one. Keyed by `Type@fromVersion`; none are needed yet. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;
const UPCASTERS: Record<string, Upcaster> = {};

export function toNewEvent(event: DomainEvent, metadata: EventMetadata): NewEvent {
  return { id: randomUUID(), type: event.type, schemaVersion: EVENT_SCHEMA_VERSIONS[event.type], data: event.data as Record<string, unknown>, metadata: { ...metadata } };
}

export function toDomainEvent(recorded: Pick<RecordedEvent, 'type' | 'schemaVersion' | 'data'>): DomainEvent {
  let { data, schemaVersion } = recorded;
  const current = EVENT_SCHEMA_VERSIONS[recorded.type as DomainEvent['type']];
  while (current !== undefined && schemaVersion < current) {
    const upcast = UPCASTERS[`${recorded.type}@${schemaVersion}`];
    if (!upcast) throw new Error(`no upcaster for ${recorded.type} v${schemaVersion}`);
    data = upcast(data);
    schemaVersion += 1;
  }
  return { type: recorded.type, data } as DomainEvent;
}
