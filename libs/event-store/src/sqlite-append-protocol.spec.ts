import BetterSqlite3 from 'better-sqlite3';
import { DuplicateEventIdError, WrongExpectedVersionError } from './event-store.errors';
import { deserialiseError, deserialiseOutcome, serialiseError, serialiseOutcome } from './sqlite-append-protocol';

/** What crosses from the writer thread must come back as what the inline writer would have produced. */
describe('the writer thread protocol', () => {
  /** Structured cloning, as postMessage does it. */
  const overTheWire = <T>(value: T): T => structuredClone(value);

  it('brings outcomes back as results or the same rule errors, with their fields', () => {
    const wrong = new WrongExpectedVersionError('s', 'no-stream', 2);
    const duplicate = new DuplicateEventIdError('e-1');
    const outcomes = [{ version: 3, position: 17 }, wrong, new WrongExpectedVersionError('t', 4, 5), duplicate];
    const back = outcomes.map((o) => deserialiseOutcome(overTheWire(serialiseOutcome(o))));

    expect(back[0]).toEqual({ version: 3, position: 17 });
    expect(back[1]).toBeInstanceOf(WrongExpectedVersionError);
    expect(back[1]).toMatchObject({ stream: 's', expected: 'no-stream', actual: 2, code: 'wrong-expected-version', message: wrong.message });
    expect(back[2]).toMatchObject({ stream: 't', expected: 4, actual: 5 });
    expect(back[3]).toBeInstanceOf(DuplicateEventIdError);
    expect(back[3]).toMatchObject({ eventId: 'e-1', code: 'duplicate-event-id', message: duplicate.message });
  });

  it('brings a SQLite failure back as a SqliteError with its code, and anything else as an Error keeping name and code', () => {
    const busy = deserialiseError(overTheWire(serialiseError(new BetterSqlite3.SqliteError('database is locked', 'SQLITE_BUSY'))));
    expect(busy).toBeInstanceOf(BetterSqlite3.SqliteError);
    expect(busy).toMatchObject({ name: 'SqliteError', message: 'database is locked', code: 'SQLITE_BUSY' });
    expect(busy.stack).toContain('writer thread');

    const io = Object.assign(new RangeError('disk on fire'), { code: 'EIO' });
    const back = deserialiseError(overTheWire(serialiseError(io)));
    expect(back).toBeInstanceOf(Error);
    expect(back).toMatchObject({ name: 'RangeError', message: 'disk on fire', code: 'EIO' });

    expect(deserialiseError(overTheWire(serialiseError('not an error')))).toMatchObject({ message: 'not an error' });
  });
});
