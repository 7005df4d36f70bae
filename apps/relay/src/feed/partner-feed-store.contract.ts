import type { StorePair } from '../testing/store-pairs';
import type { NewFeedMessage, PartnerFeedStore } from './partner-feed-store';

/** A message of the event at `position` for `partnerId`; `n` tells one event's messages apart. */
export const feedMessage = (position: number, partnerId: string, n = 0): NewFeedMessage => ({
  position, partnerId, topic: `onedoor.c1.partner.${partnerId}${n === 0 ? '' : '.people'}`, key: `r-${position}`,
  headers: { ce_id: `e-${position}`, ce_type: 'org.onedoor.referral.created.v1' }, body: { referralId: `r-${position}`, n, text: 'quote " and \\ backslash' },
  personId: `p-${position}`, personal: { v: 1, iv: 'aXY=', tag: 'dGFn', data: `sealed-${position}-${n}` } as never,
});

/** Events 1..count, each with two messages for `jobs` and one for `debt`. */
export const feedMessagesOf = (from: number, to: number): NewFeedMessage[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i).flatMap((p) => [feedMessage(p, 'jobs'), feedMessage(p, 'jobs', 1), feedMessage(p, 'debt')]);

const shape = (m: NewFeedMessage) => `${m.position}/${m.partnerId}/${m.topic}`;

/** What every PartnerFeedStore must do, run against each implementation. */
export function describePartnerFeedStoreContract(name: string, openPair: () => Promise<StorePair<PartnerFeedStore>>): void {
  describe(`${name} (the PartnerFeedStore contract)`, () => {
    let pair: StorePair<PartnerFeedStore>;
    let a: PartnerFeedStore;
    let b: PartnerFeedStore;
    beforeEach(async () => {
      pair = await openPair();
      ({ a, b } = pair);
    });
    afterEach(() => pair.cleanup());

    it('starts empty', async () => {
      expect(await a.checkpoint()).toBe(0);
      expect(await a.lastSeq()).toBe(0);
      expect(await a.pageOf('jobs', 0, 10)).toEqual([]);
      expect(await a.message(1)).toBeUndefined();
    });

    it('stores messages with the checkpoint, keeps them exactly (sealed personal part apart), in log order per partner', async () => {
      const tombstone: NewFeedMessage = { ...feedMessage(3, 'debt'), body: null, personal: null };
      await a.append(2, feedMessagesOf(1, 2));
      await a.append(4, [tombstone]);
      expect(await b.checkpoint()).toBe(4);
      const jobs = await b.pageOf('jobs', 0, 100);
      expect(jobs.map(shape)).toEqual(feedMessagesOf(1, 2).filter((m) => m.partnerId === 'jobs').map(shape));
      const { seq, ...first } = jobs[0];
      expect(first).toEqual(feedMessage(1, 'jobs'));
      const debt = await b.pageOf('debt', 0, 100);
      expect(debt.map((m) => m.position)).toEqual([1, 2, 3]);
      expect(debt[2]).toMatchObject({ body: null, personal: null, personId: 'p-3' });
      const seqs = [...jobs, ...debt].map((m) => m.seq).sort((x, y) => x - y);
      expect(new Set(seqs).size).toBe(7);
      expect(await b.lastSeq()).toBe(seqs.at(-1));
      expect(await b.message(debt[2].seq)).toEqual(debt[2]);
      expect((await b.afterSeq('jobs', jobs[1].seq, 10)).map((m) => m.seq)).toEqual([jobs[2].seq, jobs[3].seq]);
      expect(await b.afterSeq('jobs', jobs[3].seq, 10)).toEqual([]);
      expect((await b.afterSeq('jobs', 0, 1)).map((m) => m.seq)).toEqual([jobs[0].seq]);
    });

    it('moves the checkpoint past events with no messages', async () => {
      await a.append(5, []);
      expect(await b.checkpoint()).toBe(5);
    });

    it('pages after a position by about `limit`, never splitting one event\'s messages', async () => {
      await a.append(4, feedMessagesOf(1, 4));
      const page = await a.pageOf('jobs', 0, 3);
      expect(page.map((m) => m.position)).toEqual([1, 1, 2, 2]);
      expect((await a.pageOf('jobs', 2, 3)).map((m) => m.position)).toEqual([3, 3, 4, 4]);
      expect(await a.pageOf('jobs', 4, 3)).toEqual([]);
    });

    it('stores nothing again at or below the checkpoint: a second writer offering the same events adds nothing', async () => {
      await a.append(3, feedMessagesOf(1, 3));
      await b.append(2, feedMessagesOf(1, 2));
      await b.append(3, feedMessagesOf(1, 3));
      expect(await a.checkpoint()).toBe(3);
      // Overlapping the stored range: only events 4 and 5 are new.
      await b.append(5, feedMessagesOf(2, 5));
      expect(await a.checkpoint()).toBe(5);
      expect((await a.pageOf('jobs', 0, 100)).map(shape)).toEqual(feedMessagesOf(1, 5).filter((m) => m.partnerId === 'jobs').map(shape));
    });

    it('two writers racing over the same events with different batches store each message once, seq in log order', async () => {
      const batches = (size: number) => Array.from({ length: 60 / size }, (_, i) => [(i + 1) * size, feedMessagesOf(i * size + 1, (i + 1) * size)] as const);
      const write = async (store: PartnerFeedStore, size: number) => {
        for (const [upTo, messages] of batches(size)) await store.append(upTo, messages);
      };
      await Promise.all([write(a, 4), write(b, 3), write(a, 5), write(b, 6)]);
      expect(await a.checkpoint()).toBe(60);
      const stored = [...(await a.pageOf('jobs', 0, 1000)), ...(await a.pageOf('debt', 0, 1000))].sort((x, y) => x.seq - y.seq);
      expect(stored.map((m) => m.position)).toEqual([...stored.map((m) => m.position)].sort((x, y) => x - y));
      expect(stored).toHaveLength(180);
      expect(new Set(stored.map(shape)).size).toBe(180);
    });
  });
}
