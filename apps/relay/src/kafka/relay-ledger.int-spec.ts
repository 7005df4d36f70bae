import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RelayLedger } from './relay-ledger';

describe('RelayLedger (a real SQLite file, two connections as two relay processes would have)', () => {
  let dir: string;
  let a: RelayLedger;
  let b: RelayLedger;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'relay-ledger-'));
    a = new RelayLedger(join(dir, 'relay.sqlite'));
    b = new RelayLedger(join(dir, 'relay.sqlite'));
  });
  afterEach(() => {
    a.close();
    b.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the lease to one instance at a time until it expires', () => {
    expect(a.tryAcquire('relay-a', 1000, 500)).toBe(true);
    expect(b.tryAcquire('relay-b', 1200, 500)).toBe(false);
    expect(b.holder(1200)).toBe('relay-a');
    expect(a.renew('relay-a', 1400, 500)).toBe(true);
    expect(b.tryAcquire('relay-b', 1800, 500)).toBe(false);
    // relay-a stopped renewing: its lease ran out at 1900.
    expect(b.tryAcquire('relay-b', 1900, 500)).toBe(true);
    expect(a.renew('relay-a', 1950, 500)).toBe(false);
    expect(a.holder(1950)).toBe('relay-b');
  });

  it('lets the holder take its own lease again, and a released lease be taken at once', () => {
    expect(a.tryAcquire('relay-a', 1000, 500)).toBe(true);
    expect(a.tryAcquire('relay-a', 1100, 500)).toBe(true);
    a.release('relay-a');
    expect(b.holder(1100)).toBeUndefined();
    expect(b.tryAcquire('relay-b', 1100, 500)).toBe(true);
    a.release('relay-a'); // not the holder: changes nothing
    expect(a.holder(1100)).toBe('relay-b');
  });

  it('moves the checkpoint only for the lease holder, and never backwards', () => {
    expect(a.checkpoint()).toBe(0);
    expect(a.advance('relay-a', 10, 1000)).toBe(false);
    a.tryAcquire('relay-a', 1000, 500);
    expect(a.advance('relay-a', 10, 1100)).toBe(true);
    expect(b.checkpoint()).toBe(10);
    expect(a.advance('relay-a', 7, 1200)).toBe(true);
    expect(b.checkpoint()).toBe(10);
    b.tryAcquire('relay-b', 1600, 500);
    // relay-a was paused past its lease: its late acknowledgement must not move the new leader's checkpoint.
    expect(a.advance('relay-a', 20, 1600)).toBe(false);
    expect(b.advance('relay-b', 12, 1600)).toBe(true);
    expect(a.checkpoint()).toBe(12);
  });
});
