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
 * A projection whose state can be saved and brought back, so a restart reads only the events it missed
 * (see ReadModelCheckpoints). The state is plain data (Map, Set, Date and Buffer are fine: it is written with
 * v8.serialize, which keeps shared references but not prototypes), and holds no plaintext personal data:
 * indexes built from opened details are left out and rebuilt in `restore`.
 */
export interface SnapshottedProjection extends Projection {
  /** Bump whenever the shape of `snapshot()` or its meaning changes: an older snapshot then means a rebuild. */
  readonly snapshotVersion: number;
  /** The state as it stands, between two events. Serialised before the next event, so live references are fine. */
  snapshot(): unknown;
  /**
   * Takes back what `snapshot()` gave (after a serialise round trip). May throw (or reject) when the state
   * cannot be used, e.g. a store outside the process has moved on: the runner then rebuilds from the log.
   */
  restore(state: unknown): void | Promise<void>;
}

export function isSnapshotted(projection: Projection): projection is SnapshottedProjection {
  const p = projection as Partial<SnapshottedProjection>;
  return typeof p.snapshotVersion === 'number' && typeof p.snapshot === 'function' && typeof p.restore === 'function';
}

/**
 * The domain event inside a recorded one. Types are unique across aggregates, so projections switch on
 * `type` alone and ignore types they do not know (events added later must not break older read models).
 */
export function domainEventOf(event: RecordedEvent): DomainEvent {
  return { type: event.type, data: event.data } as DomainEvent;
}
