/** The stream was not at the version the caller expected: someone else wrote first. */
export class WrongExpectedVersionError extends Error {
  readonly code = 'wrong-expected-version';
  constructor(
    readonly stream: string,
    readonly expected: string | number,
    readonly actual: number,
  ) {
    super(`stream ${stream} is at version ${actual}, expected ${expected}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/** An event id was reused for a different append (different stream, order or batch). */
export class DuplicateEventIdError extends Error {
  readonly code = 'duplicate-event-id';
  constructor(readonly eventId: string) {
    super(`event id ${eventId} was already used by a different append`);
    this.name = 'DuplicateEventIdError';
  }
}

/**
 * The store was closed, or can no longer write (its writer thread stopped); no further appends are
 * accepted. `reason` says why when it was not an orderly close.
 */
export class EventStoreClosedError extends Error {
  readonly code = 'event-store-closed';
  constructor(
    readonly reason?: string,
    options?: ErrorOptions,
  ) {
    super(reason ? `the event store is closed: ${reason}` : 'the event store is closed', options);
    this.name = 'EventStoreClosedError';
  }
}
