import { RecentlyCommitted } from './recently-committed';
import { EventRow } from './append-group';

const rows = (...ns: number[]): EventRow[] =>
  ns.map((n) => ({ id: `e-${n}`, type: 'noted', schemaVersion: 1, data: JSON.stringify({ n }), metadata: '{}' }));

describe('RecentlyCommitted', () => {
  it('answers with the events after a position, placed as the commit placed them', () => {
    const recent = new RecentlyCommitted();
    recent.add('a', rows(1, 2), 2, 11, 't1'); // positions 10, 11; versions 1, 2
    recent.add('b', rows(3), 7, 12, 't2');

    expect(recent.read(9, 10)).toEqual([
      { position: 10, id: 'e-1', stream: 'a', version: 1, type: 'noted', schemaVersion: 1, data: { n: 1 }, metadata: {}, recordedAt: 't1' },
      { position: 11, id: 'e-2', stream: 'a', version: 2, type: 'noted', schemaVersion: 1, data: { n: 2 }, metadata: {}, recordedAt: 't1' },
      { position: 12, id: 'e-3', stream: 'b', version: 7, type: 'noted', schemaVersion: 1, data: { n: 3 }, metadata: {}, recordedAt: 't2' },
    ]);
    expect(recent.read(10, 1)!.map((e) => e.position)).toEqual([11]);
  });

  it('cannot answer before its first event or past its last, so the reader goes to the table', () => {
    const recent = new RecentlyCommitted();
    expect(recent.read(0, 10)).toBeUndefined();
    recent.add('a', rows(1, 2), 2, 11, 't');
    expect(recent.read(8, 10)).toBeUndefined();
    expect(recent.read(11, 10)).toBeUndefined();
    expect(recent.read(9, 0)).toBeUndefined();
  });

  it('starts afresh when a commit does not follow on (another process wrote in between), never answering across the gap', () => {
    const recent = new RecentlyCommitted();
    recent.add('a', rows(1, 2), 2, 2, 't');
    recent.add('a', rows(3), 3, 6, 't'); // positions 3..5 are someone else's
    expect(recent.read(0, 10)).toBeUndefined();
    expect(recent.read(2, 10)).toBeUndefined();
    expect(recent.read(5, 10)!.map((e) => e.position)).toEqual([6]);
  });

  it('hands each reader its own copies of data and metadata', () => {
    const recent = new RecentlyCommitted();
    recent.add('a', rows(1), 1, 1, 't');
    const [first] = recent.read(0, 1)!;
    (first.data as { n: number }).n = 99;
    expect(recent.read(0, 1)![0].data).toEqual({ n: 1 });
  });

  it('keeps at most about its capacity, dropping the oldest', () => {
    const recent = new RecentlyCommitted(4);
    for (let p = 1; p <= 8; p++) recent.add('a', rows(p), p, p, 't');
    expect(recent.read(3, 10)).toBeUndefined();
    expect(recent.read(4, 10)!.map((e) => e.position)).toEqual([5, 6, 7, 8]);
  });
});
