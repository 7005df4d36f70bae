import { ExpectedVersion } from '../event-store.port';
import { WrongExpectedVersionError } from '../event-store.errors';
import { ContractSubject, newEvent, newEvents, range, readWholeLog, settleAll } from './contract-fixtures';

/** Appending and reading back; the expected-version rules. */
export function describeAppending(subject: ContractSubject): void {
  describe('append and read', () => {
    it('stores events with stream versions, global positions, commit time and default metadata', async () => {
      const { store } = subject;
      const created = newEvent('referral-created', { partner: 'p1', nested: { a: [1, 2] } });
      const first = { ...created, metadata: { by: 'u1' } };
      const second = newEvent('referral-routed', { to: 'p2' });

      expect(await store.append('referral-1', [first, second], 'no-stream')).toEqual({ version: 2, position: 2 });
      expect(await store.append('referral-2', [newEvent()], 'no-stream')).toEqual({ version: 1, position: 3 });

      const read = await store.readStream('referral-1');
      expect(read).toMatchObject([
        { ...first, stream: 'referral-1', version: 1, position: 1 },
        { ...second, metadata: {}, stream: 'referral-1', version: 2, position: 2 },
      ]);
      for (const event of read) expect(new Date(event.recordedAt).toISOString()).toBe(event.recordedAt);
      expect(await store.headPosition()).toBe(3);
    });

    it('reads a stream from a version, and an unknown stream as empty', async () => {
      const { store } = subject;
      await store.append('s', newEvents(5), 'no-stream');
      expect((await store.readStream('s', 3)).map((e) => e.version)).toEqual([4, 5]);
      expect(await store.readStream('s', 5)).toEqual([]);
      expect(await store.readStream('nobody')).toEqual([]);
      expect(await store.headPosition()).toBe(5);
    });

    it('starts empty', async () => {
      expect(await subject.store.headPosition()).toBe(0);
      expect(await subject.store.readAll(0, 10)).toEqual([]);
    });

    it('stores data as JSON and hands out copies', async () => {
      const { store } = subject;
      const event = newEvent('thing-happened', { at: new Date('2024-05-01T10:00:00.000Z'), list: [1] });
      await store.append('s', [event], 'any');
      (event.data.list as number[]).push(2);

      const [read] = await store.readStream('s');
      expect(read.data).toEqual({ at: '2024-05-01T10:00:00.000Z', list: [1] });
      (read.data.list as number[]).push(3);
      expect((await store.readStream('s'))[0].data).toEqual({ at: '2024-05-01T10:00:00.000Z', list: [1] });
    });

    it('refuses malformed or unserialisable events alone, writing nothing for them', async () => {
      const { store } = subject;
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      const { fulfilled, rejected } = await settleAll([
        store.append('good-1', [newEvent()], 'any'),
        store.append('bad-1', [newEvent('x', circular)], 'any'),
        store.append('bad-2', [{ ...newEvent(), id: '' }], 'any'),
        store.append('good-2', [newEvent()], 'any'),
      ]);
      expect(fulfilled).toHaveLength(2);
      expect(rejected).toHaveLength(2);
      expect((await readWholeLog(store)).map((e) => [e.stream, e.position])).toEqual([
        ['good-1', 1],
        ['good-2', 2],
      ]);
    });
  });

  describe('expected version', () => {
    const cases: Array<{ expected: ExpectedVersion; existing: number; ok: boolean }> = [
      { expected: 'no-stream', existing: 0, ok: true },
      { expected: 'no-stream', existing: 2, ok: false },
      { expected: 'exists', existing: 0, ok: false },
      { expected: 'exists', existing: 2, ok: true },
      { expected: 'any', existing: 0, ok: true },
      { expected: 'any', existing: 2, ok: true },
      { expected: 0, existing: 0, ok: true },
      { expected: 0, existing: 2, ok: false },
      { expected: 2, existing: 2, ok: true },
      { expected: 1, existing: 2, ok: false },
      { expected: 3, existing: 2, ok: false },
      { expected: 1, existing: 0, ok: false },
    ];

    it.each(cases)('$expected on a stream of $existing events: accepted=$ok', async ({ expected, existing, ok }) => {
      const { store } = subject;
      await store.append('other', [newEvent()], 'any');
      if (existing > 0) await store.append('s', newEvents(existing), 'no-stream');
      const head = await store.headPosition();

      const attempt = store.append('s', [newEvent(), newEvent()], expected);

      if (ok) {
        await expect(attempt).resolves.toEqual({ version: existing + 2, position: head + 2 });
      } else {
        const error = await attempt.then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ stream: 's', expected, actual: existing, code: 'wrong-expected-version' });
        expect(await store.headPosition()).toBe(head);
        expect(await store.readStream('s')).toHaveLength(existing);
      }
    });

    it('lets exactly one of many concurrent appends with the same expectation win', async () => {
      const { store } = subject;
      for (const expected of ['no-stream', 1, 2] as const) {
        const { fulfilled, rejected } = await settleAll(
          range(1, 10).map(() => store.append('contested', [newEvent()], expected)),
        );
        expect(fulfilled).toHaveLength(1);
        expect(rejected).toHaveLength(9);
        for (const error of rejected) expect(error).toBeInstanceOf(WrongExpectedVersionError);
      }
      expect((await store.readStream('contested')).map((e) => e.version)).toEqual([1, 2, 3]);
      expect((await readWholeLog(store)).map((e) => e.position)).toEqual([1, 2, 3]);
    });

    it('answers an empty append with the current version, still checking the expectation', async () => {
      const { store } = subject;
      expect(await store.append('s', [], 'any')).toEqual({ version: 0, position: 0 });
      expect(await store.append('s', [], 'no-stream')).toEqual({ version: 0, position: 0 });
      await expect(store.append('s', [], 'exists')).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await store.append('s', newEvents(2), 'no-stream');
      await store.append('other', newEvents(1), 'no-stream');
      expect(await store.append('s', [], 2)).toEqual({ version: 2, position: 2 });
      await expect(store.append('s', [], 1)).rejects.toBeInstanceOf(WrongExpectedVersionError);
      expect(await store.headPosition()).toBe(3);
    });
  });
}
