import { randomBytes } from 'node:crypto';
import { CheckpointStore, ReadModelCheckpoint } from './checkpoint-store';

const checkpoint = (position: number, state = Buffer.from(`state at ${position}`)): ReadModelCheckpoint => ({
  position,
  eventId: `event-${position}`,
  versions: { 'referral-book': 1, outcomes: 6 },
  state,
});

/** What every checkpoint store does; `open` gives a store over the same place each time it is called. */
export function checkpointStoreContract(name: string, open: () => Promise<CheckpointStore>): void {
  describe(`${name} checkpoint store`, () => {
    let store: CheckpointStore;
    beforeEach(async () => (store = await open()));
    afterEach(() => store.close());

    it('has nothing for a runner that never saved', async () => {
      expect(await store.load('never-saved')).toBeUndefined();
    });

    it('gives back what was saved, one checkpoint per runner, the latest replacing the one before', async () => {
      await store.save('platform', checkpoint(10));
      await store.save('outcomes', checkpoint(7));
      await store.save('platform', checkpoint(12));
      expect(await store.load('platform')).toEqual(checkpoint(12));
      expect(await store.load('outcomes')).toEqual(checkpoint(7));
    });

    it('keeps a large state byte for byte, and across a reopen', async () => {
      const state = randomBytes(24 * 1024 * 1024);
      await store.save('platform', checkpoint(1_000_000, state));
      await store.close();
      store = await open();
      const loaded = await store.load('platform');
      expect(loaded?.position).toBe(1_000_000);
      expect(loaded?.state.equals(state)).toBe(true);
    });

    it('forgets a removed runner only', async () => {
      await store.save('platform', checkpoint(3));
      await store.save('outcomes', checkpoint(3));
      await store.remove('platform');
      expect(await store.load('platform')).toBeUndefined();
      expect(await store.load('outcomes')).toEqual(checkpoint(3));
    });
  });
}
