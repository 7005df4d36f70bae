import { consortiumDecider, ConsortiumCommand } from '@onedoor/domain';
import { InMemoryEventStore, WrongExpectedVersionError } from '@onedoor/event-store';
import { IdempotentRequest, runAsIdempotentRequest } from '../http/idempotency-context';
import { CommandExecutor } from './command-executor';

const at = '2026-01-01T00:00:00.000Z';
const form: ConsortiumCommand = { type: 'FormConsortium', consortiumId: 'c', name: 'C', structure: 'umbrella', at };
const admit = (partnerId: string): ConsortiumCommand => ({ type: 'AdmitPartner', partnerId, name: partnerId, role: 'delivery', at, actor: { staffId: 's', partnerId: 'x', managesConsortium: true } });

describe('command executor', () => {
  it('decides on the latest state even when another writer appended since it last looked', async () => {
    const store = new InMemoryEventStore();
    const one = new CommandExecutor(store, async () => undefined);
    const other = new CommandExecutor(store, async () => undefined);
    await one.execute(consortiumDecider, { stream: 's', command: () => form, metadata: {} });
    await one.execute(consortiumDecider, { stream: 's', command: () => admit('a'), metadata: {} });
    await other.execute(consortiumDecider, { stream: 's', command: () => admit('b'), metadata: {} });
    const { state, version } = await one.load(consortiumDecider, 's');
    expect(version).toBe(3);
    expect(Object.keys(state.partners).sort()).toEqual(['a', 'b']);
    await expect(one.execute(consortiumDecider, { stream: 's', command: () => admit('a'), metadata: {} })).rejects.toMatchObject({ rule: 'consortium.already-member' });
  });

  it('a stale expected version is refused without writing', async () => {
    const store = new InMemoryEventStore();
    const executor = new CommandExecutor(store, async () => undefined);
    await executor.execute(consortiumDecider, { stream: 's', command: () => form, metadata: {} });
    await expect(executor.execute(consortiumDecider, { stream: 's', command: () => admit('a'), expectedVersion: 0, metadata: {} })).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(await store.headPosition()).toBe(1);
  });

  it('decides again on fresh facts when a stream the command read moved before the append, even under If-Match', async () => {
    const store = new InMemoryEventStore();
    const executor = new CommandExecutor(store, async () => undefined);
    await executor.execute(consortiumDecider, { stream: 's', command: () => form, metadata: {} });
    await executor.execute(consortiumDecider, { stream: 'facts', command: () => form, metadata: {} });
    const factsRead: number[] = [];
    let moveFactsOnce = true;
    await executor.execute(consortiumDecider, {
      stream: 's',
      expectedVersion: 1,
      command: async () => {
        const { version } = await executor.load(consortiumDecider, 'facts');
        factsRead.push(version);
        // Another writer changes the facts after they were read and before the append.
        if (moveFactsOnce) {
          moveFactsOnce = false;
          await new CommandExecutor(store, async () => undefined).execute(consortiumDecider, { stream: 'facts', command: () => admit('late'), metadata: {} });
        }
        return admit('a');
      },
      conditions: () => [{ stream: 'facts', expected: factsRead.at(-1)! }],
      metadata: {},
    });
    expect(factsRead).toEqual([1, 2]);
    expect((await store.readStream('s')).map((e) => e.type)).toEqual(['ConsortiumFormed', 'PartnerJoined']);
  });

  describe('under an Idempotency-Key', () => {
    const request = (committed: IdempotentRequest['committed'] = []): IdempotentRequest => ({ idempotencyId: 'request-1', logFingerprint: 'fp', idSeed: 'seed', committed, idsMade: 0 });

    it('marks every event it writes with the request, so a retry after a crash can find them', async () => {
      const store = new InMemoryEventStore();
      const executor = new CommandExecutor(store, async () => undefined);
      await executor.execute(consortiumDecider, { stream: 's', command: () => form, metadata: { staffId: 'x' } });
      await runAsIdempotentRequest(request(), () => executor.execute(consortiumDecider, { stream: 's', command: () => admit('a'), metadata: { staffId: 'x' } }));
      const [formed, admitted] = await store.readStream('s');
      expect(formed.metadata).toEqual({ staffId: 'x' });
      expect(admitted.metadata).toEqual({ staffId: 'x', idempotencyId: 'request-1', requestFingerprint: 'fp', idSeed: 'seed' });
    });

    it('writes nothing for a stream the earlier attempt already wrote, even with the If-Match it then made stale', async () => {
      const store = new InMemoryEventStore();
      const executor = new CommandExecutor(store, async () => undefined);
      await executor.execute(consortiumDecider, { stream: 's', command: () => form, metadata: {} });
      await runAsIdempotentRequest(request(), () => executor.execute(consortiumDecider, { stream: 's', command: () => admit('a'), expectedVersion: 1, metadata: {} }));
      const committed = await store.readByIdempotencyId('request-1');

      const retry = await runAsIdempotentRequest(request(committed), () =>
        executor.execute(consortiumDecider, { stream: 's', command: () => admit('a'), expectedVersion: 1, metadata: {} }),
      );
      expect(await store.headPosition()).toBe(2);
      expect(retry).toMatchObject({ version: 2, position: 2, events: [{ type: 'PartnerJoined', data: expect.objectContaining({ partnerId: 'a' }) }] });
      expect(Object.keys(retry.state.partners)).toEqual(['a']);
    });

    it('still executes for a stream the earlier attempt did not reach', async () => {
      const store = new InMemoryEventStore();
      const executor = new CommandExecutor(store, async () => undefined);
      await runAsIdempotentRequest(request(), () => executor.execute(consortiumDecider, { stream: 'one', command: () => form, metadata: {} }));
      const committed = await store.readByIdempotencyId('request-1');
      await runAsIdempotentRequest(request(committed), async () => {
        await executor.execute(consortiumDecider, { stream: 'one', command: () => form, metadata: {} });
        await executor.execute(consortiumDecider, { stream: 'two', command: () => form, metadata: {} });
      });
      expect((await store.readAll(0, 10)).map((e) => e.stream)).toEqual(['one', 'two']);
    });
  });
});
