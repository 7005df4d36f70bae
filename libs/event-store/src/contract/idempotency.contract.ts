import { DuplicateEventIdError } from '../event-store.errors';
import { ContractSubject, newEvent, newEvents, range, readWholeLog, settleAll } from './contract-fixtures';

/** Retrying an append with the same event ids, and misusing ids. */
export function describeIdempotency(subject: ContractSubject): void {
  describe('idempotent retries', () => {
    it('answers a retry with the original result and writes nothing', async () => {
      const { store } = subject;
      await store.append('other', [newEvent()], 'any');
      const batch = newEvents(2);
      const original = await store.append('s', batch, 'no-stream');

      expect(await store.append('s', batch, 'no-stream')).toEqual(original);
      expect(await store.append('s', batch, 'any')).toEqual(original);
      expect(await store.readStream('s')).toHaveLength(2);
      expect(await store.headPosition()).toBe(3);
    });

    it('succeeds even when the retry expectation is now stale', async () => {
      const { store } = subject;
      const batch = [newEvent()];
      const original = await store.append('s', batch, 'no-stream');
      await store.append('s', newEvents(3), 1);
      await store.append('other', newEvents(2), 'any');

      expect(await store.append('s', batch, 'no-stream')).toEqual(original);
      expect(await store.append('s', batch, 0)).toEqual(original);
      expect(await store.append('s', batch, 7)).toEqual(original);
      expect(await store.headPosition()).toBe(6);
    });

    it('answers a retry of a later batch with that batch’s own result', async () => {
      const { store } = subject;
      await store.append('s', newEvents(2), 'no-stream');
      const batch = newEvents(2);
      const original = await store.append('s', batch, 2);
      expect(original).toEqual({ version: 4, position: 4 });
      await store.append('s', newEvents(1), 4);
      expect(await store.append('s', batch, 2)).toEqual(original);
      expect(await store.append('s', batch, 'exists')).toEqual(original);
    });

    it('writes concurrent identical appends once, answering each with the same result', async () => {
      const { store } = subject;
      const batch = newEvents(3);
      const results = await Promise.all(range(1, 5).map(() => store.append('s', batch, 'no-stream')));
      for (const result of results) expect(result).toEqual({ version: 3, position: 3 });
      expect(await store.headPosition()).toBe(3);
    });
  });

  describe('events of one idempotent request', () => {
    const forRequest = (idempotencyId: string, n: number) => ({ ...newEvent('referral-noted', { n }), metadata: { staffId: 's', idempotencyId } });

    it('finds what a request wrote, across streams and in log order, and nothing for another or an unknown id', async () => {
      const { store } = subject;
      await store.append('a', [newEvent(), forRequest('request-1', 1)], 'no-stream');
      await store.append('b', [forRequest('request-2', 2)], 'no-stream');
      await store.append('c', [forRequest('request-1', 3), newEvent()], 'no-stream');

      const found = await store.readByIdempotencyId('request-1');
      expect(found.map((e) => [e.stream, e.position, e.data.n])).toEqual([['a', 2, 1], ['c', 4, 3]]);
      expect(found[0].metadata).toEqual({ staffId: 's', idempotencyId: 'request-1' });
      expect((await store.readByIdempotencyId('request-2')).map((e) => e.position)).toEqual([3]);
      expect(await store.readByIdempotencyId('request-3')).toEqual([]);
    });

    it('still finds them after a reopen (durable adapters)', async () => {
      const { store, reopen } = subject;
      if (!reopen) return;
      await store.append('a', [forRequest('request-1', 1)], 'no-stream');
      await store.close();
      const reopened = await reopen();
      expect((await reopened.readByIdempotencyId('request-1')).map((e) => e.data.n)).toEqual([1]);
    });
  });

  describe('event id misuse', () => {
    async function expectDuplicate(attempt: Promise<unknown>, eventId: string): Promise<void> {
      const error = await attempt.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect(error).toMatchObject({ eventId, code: 'duplicate-event-id' });
    }

    it('refuses each kind of reuse, writing nothing and burning no position', async () => {
      const { store } = subject;
      const [a, b] = newEvents(2);
      await store.append('s', [a, b], 'no-stream');
      const fresh = newEvent();

      await expectDuplicate(store.append('elsewhere', [a], 'any'), a.id); // same id, other stream
      await expectDuplicate(store.append('s', [b, a], 'any'), a.id); // same ids, other order
      await expectDuplicate(store.append('s', [a, fresh], 'any'), fresh.id); // partial match
      await expectDuplicate(store.append('s', [fresh, a], 'any'), a.id); // new first id, reused later id
      await expectDuplicate(store.append('t', [fresh, { ...fresh }], 'any'), fresh.id); // twice in one batch
      await expectDuplicate(store.append('t', [{ ...a, data: { changed: true } }], 'any'), a.id);

      expect(await store.readStream('elsewhere')).toEqual([]);
      expect(await store.readStream('t')).toEqual([]);
      expect(await store.append('s', [fresh], 2)).toEqual({ version: 3, position: 3 });
      expect((await readWholeLog(store)).map((e) => e.position)).toEqual([1, 2, 3]);
    });

    it('refuses a misused id without disturbing appends committed alongside it', async () => {
      const { store } = subject;
      const used = newEvent();
      await store.append('s', [used], 'no-stream');
      const { fulfilled, rejected } = await settleAll([
        store.append('a', [newEvent()], 'no-stream'),
        store.append('b', [newEvent(), used], 'no-stream'),
        store.append('c', [newEvent(), newEvent()], 'no-stream'),
      ]);
      expect(fulfilled).toHaveLength(2);
      expect(rejected).toEqual([expect.any(DuplicateEventIdError)]);
      expect((await readWholeLog(store)).map((e) => [e.stream, e.position])).toEqual([
        ['s', 1],
        ['a', 2],
        ['c', 3],
        ['c', 4],
      ]);
    });
  });
}
