import type { DomainEvent } from '@onedoor/domain';
import type { RecordedEvent } from '@onedoor/event-store';

/**
 * A read model fed from the global log. `apply` is synchronous so the runner can apply one event to
 * every projection before the next, and a query never sees a half-applied event.
 */
export interface Projection {
  readonly name: string;
  apply(event: RecordedEvent): void;
  /** Forget everything, ready for a rebuild from position 0. */
  reset(): void;
}

/**
 * The domain event inside a recorded one. Types are unique across aggregates, so projections switch on
 * `type` alone and ignore types they do not know (events added later must not break older read models).
 */
export function domainEventOf(event: RecordedEvent): DomainEvent {
  return { type: event.type, data: event.data } as DomainEvent;
}
