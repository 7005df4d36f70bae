import type { StorePair } from '../testing/store-pairs';
import type { RelayLedger } from './relay-ledger';

/** What every RelayLedger must do, run against each implementation. */
export function describeRelayLedgerContract(name: string, openPair: () => Promise<StorePair<RelayLedger>>): void {
  describe(`${name} (the RelayLedger contract: two instances over one store)`, () => {
    let a: RelayLedger;
    let b: RelayLedger;
    let pair: StorePair<RelayLedger>;
    beforeEach(async () => {
      pair = await openPair();
      ({ a, b } = pair);
    });
    afterEach(() => pair.cleanup());

    it('gives the lease to one instance at a time until it expires', async () => {
      expect(await a.tryAcquire('relay-a', 1000, 500)).toBe(true);
      expect(await b.tryAcquire('relay-b', 1200, 500)).toBe(false);
      expect(await b.holder(1200)).toBe('relay-a');
      expect(await a.renew('relay-a', 1400, 500)).toBe(true);
      expect(await b.tryAcquire('relay-b', 1800, 500)).toBe(false);
      // relay-a stopped renewing: its lease ran out at 1900.
      expect(await b.tryAcquire('relay-b', 1900, 500)).toBe(true);
      expect(await a.renew('relay-a', 1950, 500)).toBe(false);
      expect(await a.holder(1950)).toBe('relay-b');
      expect(await a.holder(2400)).toBeUndefined();
    });

    it('lets the holder take its own lease again, and a released lease be taken at once', async () => {
      expect(await a.tryAcquire('relay-a', 1000, 500)).toBe(true);
      expect(await a.tryAcquire('relay-a', 1100, 500)).toBe(true);
      await a.release('relay-a');
      expect(await b.holder(1100)).toBeUndefined();
      expect(await b.tryAcquire('relay-b', 1100, 500)).toBe(true);
      await a.release('relay-a'); // not the holder: changes nothing
      expect(await a.holder(1100)).toBe('relay-b');
    });

    it('moves the checkpoint only for the lease holder, and never backwards', async () => {
      expect(await a.checkpoint()).toBe(0);
      expect(await a.advance('relay-a', 10, 1000)).toBe(false);
      expect(await a.checkpoint()).toBe(0);
      await a.tryAcquire('relay-a', 1000, 500);
      expect(await a.advance('relay-a', 10, 1100)).toBe(true);
      expect(await b.checkpoint()).toBe(10);
      expect(await a.advance('relay-a', 7, 1200)).toBe(true);
      expect(await b.checkpoint()).toBe(10);
      await b.tryAcquire('relay-b', 1600, 500);
      // relay-a was paused past its lease: its late acknowledgement must not move the new leader's checkpoint.
      expect(await a.advance('relay-a', 20, 1600)).toBe(false);
      expect(await b.advance('relay-b', 12, 1600)).toBe(true);
      expect(await a.checkpoint()).toBe(12);
    });

    it('refuses an advance after the holder released the lease', async () => {
      await a.tryAcquire('relay-a', 1000, 500);
      await a.release('relay-a');
      expect(await a.advance('relay-a', 5, 1100)).toBe(false);
      expect(await b.checkpoint()).toBe(0);
    });
  });
}
