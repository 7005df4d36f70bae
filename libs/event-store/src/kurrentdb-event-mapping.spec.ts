import type { RecordedEvent as KurrentRecordedEvent } from '@kurrent/kurrentdb-client';
import { toRows } from './append-group';
import { PROPERTY, toEventData, toRecordedEvent, toStreamState, versionOfState } from './kurrentdb-event-mapping';
import { kurrentDbStreams } from './kurrentdb-streams';
import { ExpectedVersion } from './event-store.port';

const streams = kurrentDbStreams('onedoor');
const id = '6f1c9a4e-8a0e-4c55-9b6f-0e6a8f2d7b11';

/** A record as the client hands one back from a read: our record's data and properties, with the server's fields. */
function asRead(data: unknown, metadata: unknown, overrides: Partial<KurrentRecordedEvent> = {}): KurrentRecordedEvent {
  return {
    streamId: 'onedoor/referral-1',
    id,
    isJson: true,
    revision: 4n,
    type: 'referral-routed',
    created: new Date('2026-03-01T09:30:00.123Z'),
    data,
    metadata,
    ...overrides,
  } as KurrentRecordedEvent;
}

describe('toStreamState', () => {
  const cases: Array<[ExpectedVersion, unknown]> = [
    ['no-stream', 'no_stream'],
    ['exists', 'stream_exists'],
    ['any', 'any'],
    [0, 'no_stream'],
    [1, 0n],
    [7, 6n],
  ];
  it.each(cases)('%p → %p', (expected, state) => {
    expect(toStreamState(expected)).toBe(state);
  });

  it('refuses what is not an expectation, naming the rule', () => {
    for (const bad of [-1, 1.5, NaN, 'latest']) {
      expect(() => toStreamState(bad as ExpectedVersion)).toThrow("expected version must be 'no-stream', 'exists', 'any' or an integer ≥ 0");
    }
  });
});

describe('versionOfState', () => {
  it('counts events: no stream is 0, last revision r is r + 1', () => {
    expect(versionOfState('s', 'no_stream')).toBe(0);
    expect(versionOfState('s', 0n)).toBe(1);
    expect(versionOfState('s', 41n)).toBe(42);
  });

  it('refuses a deleted (−5) or tombstoned (−6) stream rather than call it empty', () => {
    expect(() => versionOfState('person-1', -5n)).toThrow('stream person-1 is deleted or tombstoned');
    expect(() => versionOfState('person-1', -6n)).toThrow('stream person-1 is deleted or tombstoned');
  });
});

describe('toEventData and toRecordedEvent', () => {
  const [row] = toRows([{ id, type: 'referral-routed', schemaVersion: 2, data: { to: 'p2', at: new Date('2026-03-01T09:00:00.000Z') }, metadata: { staffId: 's1', idempotencyId: 'k1' } }]);

  it('writes the event id as the record id, the data as JSON, position and schema version as string properties', () => {
    const record = toEventData(row, 17);
    expect(record).toEqual({
      id,
      contentType: 'application/json',
      type: 'referral-routed',
      data: { to: 'p2', at: '2026-03-01T09:00:00.000Z' },
      metadata: { [PROPERTY.position]: '17', [PROPERTY.schemaVersion]: '2', [PROPERTY.metadata]: '{"staffId":"s1","idempotencyId":"k1"}' },
    });
    expect(Object.values(record.metadata as object).every((value) => typeof value === 'string')).toBe(true);
  });

  it('reads a record back: version = revision + 1, position from its property, recordedAt = created', () => {
    const written = toEventData(row, 17);
    expect(toRecordedEvent(asRead(written.data, written.metadata), streams)).toEqual({
      id,
      stream: 'referral-1',
      version: 5,
      position: 17,
      type: 'referral-routed',
      schemaVersion: 2,
      data: { to: 'p2', at: '2026-03-01T09:00:00.000Z' },
      metadata: { staffId: 's1', idempotencyId: 'k1' },
      recordedAt: '2026-03-01T09:30:00.123Z',
    });
  });

  it('reads data and properties the client left as bytes, and ignores properties the server added', () => {
    const written = toEventData(row, 3);
    const bytes = (value: unknown) => new Uint8Array(Buffer.from(JSON.stringify(value)));
    const read = toRecordedEvent(asRead(bytes(written.data), bytes({ ...(written.metadata as object), '$schema.name': 'referral-routed' }), { isJson: false } as Partial<KurrentRecordedEvent>), streams);
    expect(read).toMatchObject({ position: 3, schemaVersion: 2, data: { to: 'p2' }, metadata: { staffId: 's1' } });
  });

  it('gives an event without metadata an empty object', () => {
    const [bare] = toRows([{ id, type: 't', schemaVersion: 1, data: {} }]);
    const written = toEventData(bare, 1);
    expect(toRecordedEvent(asRead(written.data, written.metadata), streams).metadata).toEqual({});
  });

  it('refuses a record this adapter did not write, or one outside the log', () => {
    expect(() => toRecordedEvent(asRead({}, { $correlationId: 'x' }), streams)).toThrow('has no OneDoor position or schema version');
    expect(() => toRecordedEvent(asRead({}, { [PROPERTY.position]: '0', [PROPERTY.schemaVersion]: '1' }), streams)).toThrow('no OneDoor position');
    const written = toEventData(row, 1);
    expect(() => toRecordedEvent(asRead(written.data, written.metadata, { streamId: 'other/referral-1' }), streams)).toThrow('outside this log');
    expect(() => toRecordedEvent(asRead([1, 2], written.metadata), streams)).toThrow('data is not a JSON object');
  });
});
