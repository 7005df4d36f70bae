import BetterSqlite3 from 'better-sqlite3';
import { AppendResult } from './event-store.port';
import { DuplicateEventIdError, WrongExpectedVersionError } from './event-store.errors';
import { AppendOutcome, AppendRequest } from './sqlite-append-writer';
import { ConnectionSettings, SynchronousMode } from './sqlite-connection';

/**
 * The messages between SqliteEventStore (main thread) and its writer thread (sqlite-append-worker).
 * Error objects do not survive structured cloning with their class, so outcomes and failures travel as
 * plain data and are turned back into the same error classes on the main thread.
 */

export interface WriterThreadOptions {
  file: string;
  synchronous: SynchronousMode;
}

/** The writer thread's workerData. */
export interface WriterThreadData {
  options: WriterThreadOptions;
  /** Run from TypeScript sources: the thread's modules, transpiled, by absolute `.ts` path. */
  sources?: Record<string, string>;
}

/** Main thread → writer thread. */
export type ToWriter =
  /** One group commit: every request written in one transaction, answered with `written` or `failed`. */
  | { type: 'write'; id: number; requests: AppendRequest[] }
  /** Close the connection, answer `closed`, then let the thread end. */
  | { type: 'close' };

/** Writer thread → main thread. */
export type FromWriter =
  /** The connection is open (sent once, first). */
  | { type: 'ready'; settings: ConnectionSettings }
  /** Sent after COMMIT: one outcome per request, in order, and the group's commit time. */
  | { type: 'written'; id: number; outcomes: SerialisedOutcome[]; recordedAt: string }
  /** Storage failed: nothing of the group was written. */
  | { type: 'failed'; id: number; error: SerialisedError }
  | { type: 'closed' };

export type SerialisedOutcome =
  /** `written`: its rows were inserted by this group (not found already written). */
  | { kind: 'appended'; result: AppendResult; written: boolean }
  | { kind: 'wrong-expected-version'; stream: string; expected: string | number; actual: number }
  | { kind: 'duplicate-event-id'; eventId: string };

export interface SerialisedError {
  name: string;
  message: string;
  code?: string;
  stack?: string;
}

export function serialiseOutcome(outcome: AppendOutcome): SerialisedOutcome {
  if (outcome instanceof WrongExpectedVersionError) {
    const { stream, expected, actual } = outcome;
    return { kind: 'wrong-expected-version', stream, expected, actual };
  }
  if (outcome instanceof DuplicateEventIdError) return { kind: 'duplicate-event-id', eventId: outcome.eventId };
  return { kind: 'appended', result: { version: outcome.version, position: outcome.position }, written: 'written' in outcome };
}

export function deserialiseOutcome(outcome: SerialisedOutcome): AppendOutcome {
  switch (outcome.kind) {
    case 'appended':
      return outcome.written ? { ...outcome.result, written: true } : outcome.result;
    case 'wrong-expected-version':
      return new WrongExpectedVersionError(outcome.stream, outcome.expected, outcome.actual);
    case 'duplicate-event-id':
      return new DuplicateEventIdError(outcome.eventId);
  }
}

export function serialiseError(error: unknown): SerialisedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, code: typeof code === 'string' ? code : undefined, stack: error.stack };
}

/**
 * A SQLite failure comes back as the SqliteError the inline writer would have thrown (same message and
 * code); anything else as a plain Error with the writer thread's name, message, code and stack.
 */
export function deserialiseError(serialised: SerialisedError): Error {
  const { SqliteError } = BetterSqlite3;
  const { name, message, code, stack } = serialised;
  const error: Error & { code?: string } =
    name === 'SqliteError' && code !== undefined ? new SqliteError(message, code) : new Error(message);
  if (!(error instanceof SqliteError)) {
    error.name = name;
    if (code !== undefined) error.code = code;
  }
  if (stack) error.stack = `${stack}\n    (in the event store's writer thread)`;
  return error;
}
