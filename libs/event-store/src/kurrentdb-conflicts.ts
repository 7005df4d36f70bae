import { AppendConsistencyViolationError, NO_STREAM, STREAM_STATE, WrongExpectedVersionError as KurrentWrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import type { AppendStreamState, ConsistencyCheck, CurrentStreamState } from '@kurrent/kurrentdb-client';
import { AppendCondition } from './event-store.port';
import { WrongExpectedVersionError } from './event-store.errors';
import { toStreamState, versionOfState } from './kurrentdb-event-mapping';

/**
 * Every check one append sends with its records, and what a failed one means. The adapter reads the appended
 * stream and the event-id claims first and decides with the shared rules (decideAppend); the checks then make
 * that decision hold at commit. So a failed check on the appended stream, a claim or the positions stream only
 * says "something moved since we read": read again and decide again. A failed condition is the caller's answer.
 */
export type CheckRole =
  | { kind: 'appended-stream' }
  | { kind: 'event-id' }
  | { kind: 'positions' }
  | { kind: 'condition'; condition: AppendCondition };

export interface PlannedCheck {
  role: CheckRole;
  check: ConsistencyCheck;
}

export function plannedCheck(role: CheckRole, streamName: string, expectedState: AppendStreamState): PlannedCheck {
  return { role, check: { type: STREAM_STATE, streamName, expectedState } };
}

/** A condition as KurrentDB checks it: the caller's expectation, mapped (no read needed). */
export function conditionCheck(condition: AppendCondition, kurrentStream: string): PlannedCheck {
  return plannedCheck({ kind: 'condition', condition }, kurrentStream, toStreamState(condition.expected));
}

/** One check that failed at commit: which (when the server says), on what stream, and the state found there. */
export interface Conflict {
  checkIndex?: number;
  streamName: string;
  actualState: CurrentStreamState;
}

/**
 * The conflicts a failed append reports: a consistency violation lists them (with the check's index); a
 * wrong-expected-version error names one stream. Anything else is not a conflict (undefined): it passes through.
 */
export function conflictsOf(error: unknown): Conflict[] | undefined {
  if (error instanceof AppendConsistencyViolationError) {
    return error.violations.map(({ checkIndex, streamName, actualState }) => ({ checkIndex, streamName, actualState }));
  }
  if (error instanceof KurrentWrongExpectedVersionError) return [{ streamName: error.streamName, actualState: error.actualState }];
  return undefined;
}

export type ConflictVerdict =
  /** Read and decide again; `head` is the positions stream's length when the server told us it. */
  | { kind: 'retry'; head?: number }
  /** A condition did not hold: refuse the append, naming the condition's stream. */
  | { kind: 'refuse'; error: WrongExpectedVersionError };

/**
 * What to do about the conflicts of one attempt. Idempotency and the appended stream's expectation are judged
 * before conditions (as the port promises: a retry of a committed append still succeeds), so any conflict on
 * them means a fresh read; only when those all held does a failed condition refuse the append.
 */
export function judgeConflicts(checks: readonly PlannedCheck[], conflicts: readonly Conflict[]): ConflictVerdict {
  const failed = conflicts.map((conflict) => ({ conflict, role: roleOf(checks, conflict) }));
  const unknown = failed.find(({ role }) => role === undefined);
  if (unknown) throw new Error(`KurrentDB reported a conflict on ${unknown.conflict.streamName}, which this append did not check`);
  if (failed.some(({ role }) => role?.kind === 'appended-stream' || role?.kind === 'event-id')) return { kind: 'retry', ...headOf(failed) };
  const condition = checks.flatMap(({ role }) => (role.kind === 'condition' ? [role] : [])).find((role) => failed.some((f) => f.role === role));
  if (condition) {
    const { conflict } = failed.find((f) => f.role === condition)!;
    const { stream, expected } = condition.condition;
    return { kind: 'refuse', error: new WrongExpectedVersionError(stream, expected, versionOfState(stream, conflict.actualState)) };
  }
  return { kind: 'retry', ...headOf(failed) };
}

function roleOf(checks: readonly PlannedCheck[], conflict: Conflict): CheckRole | undefined {
  if (conflict.checkIndex !== undefined) return checks[conflict.checkIndex]?.role;
  return checks.find(({ check }) => check.streamName === conflict.streamName)?.role;
}

function headOf(failed: ReadonlyArray<{ conflict: Conflict; role: CheckRole | undefined }>): { head?: number } {
  const positions = failed.find(({ role }) => role?.kind === 'positions');
  if (!positions) return {};
  const state = positions.conflict.actualState;
  return { head: state === NO_STREAM ? 0 : versionOfState(positions.conflict.streamName, state) };
}
