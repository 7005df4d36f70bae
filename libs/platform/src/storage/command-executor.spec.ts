import { consortiumDecider, ConsortiumCommand } from '@onedoor/domain';
import { InMemoryEventStore, WrongExpectedVersionError } from '@onedoor/event-store';
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
});
