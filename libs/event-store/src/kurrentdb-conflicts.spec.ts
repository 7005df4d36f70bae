import { AppendConsistencyViolationError, UnknownError, WrongExpectedVersionError as KurrentWrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { WrongExpectedVersionError } from './event-store.errors';
import { conditionCheck, conflictsOf, judgeConflicts, PlannedCheck, plannedCheck } from './kurrentdb-conflicts';

/** The server's violation details as the client decodes them off the wire (states as decimal strings). */
function violation(...found: Array<{ checkIndex: number; stream: string; expectedState: string; actualState: string }>) {
  const details = { violationsList: found.map(({ checkIndex, ...streamState }) => ({ checkIndex, streamState })) };
  return new AppendConsistencyViolationError(undefined as never, details as never);
}

describe('conflictsOf', () => {
  it('reads a consistency violation: check index, stream and the state found', () => {
    expect(conflictsOf(violation({ checkIndex: 2, stream: 'onedoor/person', expectedState: '1', actualState: '2' }))).toEqual([
      { checkIndex: 2, streamName: 'onedoor/person', actualState: 2n },
    ]);
    expect(conflictsOf(violation({ checkIndex: 0, stream: 'onedoor#event-id/e', expectedState: '-1', actualState: '0' }))).toEqual([
      { checkIndex: 0, streamName: 'onedoor#event-id/e', actualState: 0n },
    ]);
  });

  it('reads the client’s wrong-expected-version error as one conflict on its stream', () => {
    const error = new KurrentWrongExpectedVersionError(undefined, { streamName: 'onedoor/s', expected: 0n, current: 'no_stream' });
    expect(conflictsOf(error)).toEqual([{ streamName: 'onedoor/s', actualState: 'no_stream' }]);
  });

  it('passes other errors through as no conflict', () => {
    expect(conflictsOf(new UnknownError(undefined, 'boom'))).toBeUndefined();
    expect(conflictsOf(new Error('socket hang up'))).toBeUndefined();
  });
});

describe('judgeConflicts', () => {
  const person = { stream: 'person', expected: 2 } as const;
  const consent = { stream: 'consent', expected: 'no-stream' } as const;
  const checks: PlannedCheck[] = [
    plannedCheck({ kind: 'event-id' }, 'onedoor#event-id/e1', 'no_stream'),
    plannedCheck({ kind: 'appended-stream' }, 'onedoor/referral', 'no_stream'),
    conditionCheck(person, 'onedoor/person'),
    conditionCheck(consent, 'onedoor/consent'),
    plannedCheck({ kind: 'positions' }, 'onedoor#positions', 9n),
  ];

  it('maps the caller’s condition to KurrentDB’s stream state', () => {
    expect(checks[2].check).toEqual({ type: 'stream_state', streamName: 'onedoor/person', expectedState: 1n });
    expect(checks[3].check.expectedState).toBe('no_stream');
  });

  it('refuses on a failed condition, naming its stream, expectation and actual version', () => {
    const verdict = judgeConflicts(checks, [{ checkIndex: 2, streamName: 'onedoor/person', actualState: 2n }]);
    expect(verdict.kind).toBe('refuse');
    const { error } = verdict as { error: WrongExpectedVersionError };
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ stream: 'person', expected: 2, actual: 3, code: 'wrong-expected-version' });
  });

  it('names the first failed condition in the caller’s order when several fail', () => {
    const verdict = judgeConflicts(checks, [
      { checkIndex: 3, streamName: 'onedoor/consent', actualState: 0n },
      { checkIndex: 2, streamName: 'onedoor/person', actualState: 'no_stream' },
    ]);
    expect(verdict).toMatchObject({ kind: 'refuse', error: { stream: 'person', expected: 2, actual: 0 } });
  });

  it('reads again when an id claim or the appended stream moved, even if a condition failed too (idempotency first)', () => {
    expect(judgeConflicts(checks, [{ checkIndex: 0, streamName: 'onedoor#event-id/e1', actualState: 0n }])).toEqual({ kind: 'retry' });
    expect(
      judgeConflicts(checks, [
        { checkIndex: 1, streamName: 'onedoor/referral', actualState: 0n },
        { checkIndex: 2, streamName: 'onedoor/person', actualState: 5n },
        { checkIndex: 4, streamName: 'onedoor#positions', actualState: 11n },
      ]),
    ).toEqual({ kind: 'retry', head: 12 });
  });

  it('retries at the head the server reported when only the positions stream moved', () => {
    expect(judgeConflicts(checks, [{ checkIndex: 4, streamName: 'onedoor#positions', actualState: 14n }])).toEqual({ kind: 'retry', head: 15 });
    expect(judgeConflicts(checks, [{ streamName: 'onedoor#positions', actualState: 'no_stream' }])).toEqual({ kind: 'retry', head: 0 });
  });

  it('matches a conflict without a check index by stream name', () => {
    expect(judgeConflicts(checks, [{ streamName: 'onedoor/consent', actualState: 0n }])).toMatchObject({
      kind: 'refuse',
      error: { stream: 'consent', expected: 'no-stream', actual: 1 },
    });
  });

  it('refuses to guess about a conflict on a stream it did not check', () => {
    expect(() => judgeConflicts(checks, [{ streamName: 'onedoor/elsewhere', actualState: 0n }])).toThrow('which this append did not check');
    expect(() => judgeConflicts(checks, [{ checkIndex: 9, streamName: 'onedoor/person', actualState: 0n }])).toThrow('did not check');
  });
});
