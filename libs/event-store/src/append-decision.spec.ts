import { decideAppend } from './append-decision';
import { DuplicateEventIdError, WrongExpectedVersionError } from './event-store.errors';
import { StoredEventPlace } from './event-id-reuse';

describe('decideAppend', () => {
  // Given a stream "s" holding a (v1, position 4) and b (v2, position 9), and x elsewhere.
  const stored = new Map<string, StoredEventPlace>([
    ['a', { stream: 's', version: 1, position: 4 }],
    ['b', { stream: 's', version: 2, position: 9 }],
    ['x', { stream: 'other', version: 1, position: 5 }],
  ]);
  const lookup = (id: string) => stored.get(id);
  const ids = (...list: string[]) => list.map((id) => ({ id }));

  it('writes new events when the expectation holds', () => {
    expect(decideAppend('s', ids('c'), 2, 2, lookup)).toEqual({ kind: 'write', currentVersion: 2 });
  });

  it('refuses new events when the expectation does not hold', () => {
    expect(() => decideAppend('s', ids('c'), 1, 2, lookup)).toThrow(WrongExpectedVersionError);
  });

  it('recognises a retry before judging the (now stale) expectation', () => {
    expect(decideAppend('s', ids('a', 'b'), 'no-stream', 2, lookup)).toEqual({
      kind: 'replay',
      result: { version: 2, position: 9 },
    });
  });

  it.each([
    ['another stream', 'other', ids('a'), 'a'],
    ['another order', 's', ids('b', 'a'), 'a'],
    ['a partial match', 's', ids('a', 'c'), 'c'],
    ['a reused later id', 's', ids('c', 'x'), 'x'],
    ['an id twice in the batch', 's', ids('c', 'c'), 'c'],
  ])('refuses ids reused in %s', (_, stream, batch, culprit) => {
    expect(() => decideAppend(stream, batch, 'any', 2, lookup)).toThrow(new DuplicateEventIdError(culprit));
  });

  it('checks only the expectation for an empty batch', () => {
    expect(decideAppend('s', [], 2, 2, lookup)).toEqual({ kind: 'write', currentVersion: 2 });
    expect(() => decideAppend('new', [], 'exists', 0, lookup)).toThrow(WrongExpectedVersionError);
  });
});
