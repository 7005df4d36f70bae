import { EventStoreClosedError } from '../event-store.errors';
import { ContractSubject, newEvent, newEvents, range, readWholeLog } from './contract-fixtures';

/** Closing, and (for durable adapters) reopening with everything kept. */
export function describeLifecycle(subject: ContractSubject): void {
  describe('lifecycle', () => {
    it('writes appends still pending when closed, then refuses new ones', async () => {
      const { store } = subject;
      const pending = store.append('s', newEvents(2), 'no-stream');
      await store.close();
      await expect(pending).resolves.toEqual({ version: 2, position: 2 });
      await expect(store.append('s', [newEvent()], 'any')).rejects.toBeInstanceOf(EventStoreClosedError);
      await store.close(); // closing twice is harmless
    });

    it('keeps everything across a restart, continuing positions and versions without gaps', async () => {
      const { store, reopen } = subject;
      if (!reopen) return; // not a durable adapter
      const batch = newEvents(2);
      const original = await store.append('s', batch, 'no-stream');
      await Promise.all(range(1, 30).map((i) => store.append(`t-${i % 4}`, newEvents((i % 2) + 1), 'any')));
      const before = await readWholeLog(store);
      const sVersion = (await store.readStream('s')).length;
      await store.close();

      const reopened = await reopen();
      expect(await readWholeLog(reopened)).toEqual(before);
      expect(await reopened.headPosition()).toBe(before.length);
      expect(await reopened.append('s', batch, 'no-stream')).toEqual(original);
      expect(await reopened.append('s', [newEvent()], sVersion)).toEqual({
        version: sVersion + 1,
        position: before.length + 1,
      });
      const t0 = await reopened.readStream('t-0');
      expect(await reopened.append('t-0', [newEvent()], t0.length)).toEqual({
        version: t0.length + 1,
        position: before.length + 2,
      });
      const t1 = await reopened.readStream('t-1');
      expect(await reopened.append('t-1', newEvents(2), 'any')).toEqual({
        version: t1.length + 2,
        position: before.length + 4,
      });
      expect((await readWholeLog(reopened)).map((e) => e.position)).toEqual(range(1, before.length + 4));
    });
  });
}
