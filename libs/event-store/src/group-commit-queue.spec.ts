import { GroupCommitQueue } from './group-commit-queue';

describe('GroupCommitQueue', () => {
  it('commits what is submitted in one turn as one group, and what arrives meanwhile as the next', async () => {
    const groups: number[][] = [];
    let release: () => void = () => undefined;
    const queue = new GroupCommitQueue<number, string>(async (requests) => {
      groups.push(requests);
      if (groups.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return requests.map((n) => `ok ${n}`);
    });

    const first = [1, 2, 3].map((n) => queue.submit(n));
    await new Promise((resolve) => setImmediate(resolve));
    const second = [4, 5].map((n) => queue.submit(n));
    await new Promise((resolve) => setImmediate(resolve));
    expect(groups).toEqual([[1, 2, 3]]); // one group at a time
    release();

    expect(await Promise.all([...first, ...second])).toEqual(['ok 1', 'ok 2', 'ok 3', 'ok 4', 'ok 5']);
    expect(groups).toEqual([[1, 2, 3], [4, 5]]);
  });

  it('rejects a request whose outcome is an Error alone, and the whole group when the commit throws', async () => {
    let fail = false;
    const queue = new GroupCommitQueue<number, number>(async (requests) => {
      if (fail) throw new Error('storage down');
      return requests.map((n) => (n < 0 ? new RangeError(`negative ${n}`) : n));
    });

    const outcomes = await Promise.allSettled([queue.submit(1), queue.submit(-1), queue.submit(2)]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    fail = true;
    const failed = await Promise.allSettled([queue.submit(3), queue.submit(4)]);
    expect(failed.map((o) => (o.status === 'rejected' ? (o.reason as Error).message : 'fulfilled'))).toEqual(['storage down', 'storage down']);
  });

  it('drain() waits until everything submitted has been answered', async () => {
    const answered: number[] = [];
    const queue = new GroupCommitQueue<number, number>(async (requests) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return requests;
    });
    [1, 2].forEach((n) => void queue.submit(n).then((r) => answered.push(r)));
    await queue.drain();
    await Promise.resolve();
    expect(answered).toEqual([1, 2]);
  });
});
