import { AppendResult } from '../event-store.port';
import { ContractSubject, newEvents, range, readWholeLog } from './contract-fixtures';

/** The global log: gap-free positions under concurrency, and paging through it. */
export function describeGlobalOrder(subject: ContractSubject): void {
  describe('global order', () => {
    it('numbers concurrent appends to distinct streams 1..N without gaps', async () => {
      const { store } = subject;
      const sizes = range(1, 200).map((i) => (i % 3) + 1);
      const results = await Promise.all(sizes.map((size, i) => store.append(`s-${i}`, newEvents(size), 'no-stream')));

      const log = await readWholeLog(store);
      const total = sizes.reduce((sum, size) => sum + size, 0);
      expect(log.map((e) => e.position)).toEqual(range(1, total));
      expect(await store.headPosition()).toBe(total);
      results.forEach((result: AppendResult, i) => {
        const stream = log.filter((e) => e.stream === `s-${i}`);
        expect(stream.map((e) => e.version)).toEqual(range(1, sizes[i]));
        expect(result).toEqual({ version: sizes[i], position: stream[stream.length - 1].position });
      });
    });

    it('keeps stream versions and positions gap-free when concurrent appends share streams', async () => {
      const { store } = subject;
      await Promise.all(range(1, 120).map((i) => store.append(`s-${i % 7}`, newEvents((i % 2) + 1), 'any')));

      const log = await readWholeLog(store);
      expect(log.map((e) => e.position)).toEqual(range(1, log.length));
      for (const stream of new Set(log.map((e) => e.stream))) {
        const versions = log.filter((e) => e.stream === stream).map((e) => e.version);
        expect(versions).toEqual(range(1, versions.length));
      }
    });

    it('pages through the log', async () => {
      const { store } = subject;
      for (let i = 0; i < 5; i++) await store.append(`s-${i % 2}`, newEvents(5), 'any');

      const pages = [];
      for (let after = 0; after < 25; after += 7) pages.push(await store.readAll(after, 7));
      expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 4]);
      expect(pages.flat()).toEqual(await store.readAll(0, 100));
      expect((await store.readAll(3, 2)).map((e) => e.position)).toEqual([4, 5]);
      expect(await store.readAll(25, 10)).toEqual([]);
    });
  });
}
