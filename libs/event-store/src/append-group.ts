import { AppendCondition, AppendResult, ExpectedVersion, NewEvent } from './event-store.port';
import { DuplicateEventIdError, WrongExpectedVersionError } from './event-store.errors';

/**
 * The shapes shared by the adapters that group-commit: several append requests written in one storage
 * transaction, each answered on its own.
 */

/** An event as it goes into storage: JSON already serialised. */
export interface EventRow {
  id: string;
  type: string;
  schemaVersion: number;
  data: string;
  metadata: string;
}

export interface AppendRequest {
  stream: string;
  rows: EventRow[];
  expected: ExpectedVersion;
  /** Other streams' versions that must hold in this transaction (AppendOptions.conditions). */
  conditions?: readonly AppendCondition[];
}

/** An append that wrote its rows in this group (rather than being found already written, or empty). */
export interface WrittenAppend extends AppendResult {
  written: true;
}

/** A refused request fails alone; its error is its outcome. */
export type AppendOutcome = AppendResult | WrittenAppend | WrongExpectedVersionError | DuplicateEventIdError;

/** A committed group: one outcome per request, in order, and the commit time every row of it carries. */
export interface WrittenGroup {
  outcomes: AppendOutcome[];
  recordedAt: string;
}

/**
 * What a committed group's callers are answered: each request's result, or the error that refused it alone.
 * `onWritten` is told of each append that wrote rows (for the store's subscriptions).
 */
export function answersOf(
  requests: readonly AppendRequest[],
  { outcomes }: WrittenGroup,
  onWritten: (request: AppendRequest, written: WrittenAppend) => void,
): Array<AppendResult | Error> {
  return outcomes.map((outcome, i) => {
    if (outcome instanceof Error) return outcome;
    if ('written' in outcome) onWritten(requests[i], outcome);
    return { version: outcome.version, position: outcome.position };
  });
}

export function isRuleError(error: unknown): error is WrongExpectedVersionError | DuplicateEventIdError {
  return error instanceof WrongExpectedVersionError || error instanceof DuplicateEventIdError;
}

/** Serialised at append time, so a caller mutating its objects before the flush cannot change what is written. */
export function toRows(events: NewEvent[]): EventRow[] {
  const rows = new Array<EventRow>(events.length);
  for (let i = 0; i < events.length; i++) {
    const { id, type, schemaVersion, data, metadata } = events[i];
    const json = JSON.stringify(data);
    rows[i] = { id, type, schemaVersion, data: json, metadata: metadata ? JSON.stringify(metadata) : '{}' };
  }
  return rows;
}
