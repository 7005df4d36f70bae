import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { directoryReadModelContract } from './directory-read-model.contract';
import { RedisDirectoryReadModel } from './redis-directory-read-model';
import { directoryContentsOf } from '../testing/directory-contents';
import { Scenario, jobs, seedConsortium } from '../testing/scenario';
import { DirectoryProjection } from './directory-projection';
import { InMemoryDirectoryReadModel } from './in-memory-directory-read-model';

const at = '2026-03-01T09:00:00.000Z';

/** The real server on 127.0.0.1:6379 (test/run-all.sh starts it); every test gets its own key prefix and leaves nothing behind. */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const run = randomUUID();
let redis: Redis;

beforeAll(() => {
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  expect(await redis.keys(`onedoor-test:${run}:*`)).toEqual([]);
  await redis.quit();
});

directoryReadModelContract(
  'Redis',
  async () => {
    const readModel = new RedisDirectoryReadModel({ redis, keyPrefix: `onedoor-test:${run}:${randomUUID()}:` });
    return {
      readModel,
      dispose: async () => {
        await readModel.deleteAll();
        await readModel.close();
      },
    };
  },
  { sharedByInstances: true },
);

describe('one Redis directory read model shared by two instances (each its own connection)', () => {
  let models: RedisDirectoryReadModel[] = [];
  const instances = (count: number) => {
    const keyPrefix = `onedoor-test:${run}:${randomUUID()}:`;
    models = Array.from({ length: count }, () => new RedisDirectoryReadModel({ url: REDIS_URL, keyPrefix }));
    return models;
  };
  afterEach(async () => {
    await models[0].deleteAll();
    await Promise.all(models.map((m) => m.close()));
  });

  const valley = async (serviceName = 'Into Work') => {
    const s = new Scenario();
    await seedConsortium(s, at);
    await s.service('svc-jobs', { type: 'UpdateService', changes: { name: serviceName }, actor: jobs, at });
    return s;
  };
  const reference = async (s: Scenario) => directoryContentsOf((await s.project(new DirectoryProjection(new InMemoryDirectoryReadModel())))[0].readModel);

  it('an instance replaying from the start never takes away what the other serves, nor moves it back', async () => {
    const [steady, restarted] = instances(2);
    const s = await valley();
    await s.project(new DirectoryProjection(steady));
    const served = await directoryContentsOf(steady);
    const replay = new DirectoryProjection(restarted);
    replay.reset();
    expect(await directoryContentsOf(steady)).toEqual(served);
    // The replay's older writes are already there: skipped, so the other still reads the newest state.
    const events = await s.store.readAll(0, 1000);
    for (const event of events.slice(0, 3)) replay.apply(event);
    await restarted.flushed();
    expect(await directoryContentsOf(steady)).toEqual(served);
    await s.project(replay);
    expect(await directoryContentsOf(restarted)).toEqual(served);
    expect(served).toEqual(await reference(s));
  });

  it('two instances writing the same events at once leave the model one of them would have written', async () => {
    const [a, b] = instances(2);
    const s = await valley();
    await Promise.all([s.project(new DirectoryProjection(a)), s.project(new DirectoryProjection(b))]);
    const expected = await reference(s);
    expect(await directoryContentsOf(a)).toEqual(expected);
    expect(await directoryContentsOf(b)).toEqual(expected);
  });

  it('a model another log wrote is wiped at the first write of a replay, and written afresh', async () => {
    const [a, b] = instances(2);
    await (await valley('From another log')).project(new DirectoryProjection(a));
    await a.flushed();
    const s = await valley();
    await s.project(new DirectoryProjection(b));
    expect(await directoryContentsOf(b)).toEqual(await reference(s));
    expect((await b.services()).map((x) => x.name)).not.toContain('From another log');
  });
});

describe('Redis directory read model', () => {
  it('fails every read after a write that could not be stored, rather than serve a directory that drifted from the log', async () => {
    // Never connected, and told not to queue: every command fails at once.
    const unreachable = new Redis(REDIS_URL, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    const readModel = new RedisDirectoryReadModel({ redis: unreachable, keyPrefix: `onedoor-test:${run}:${randomUUID()}:` });
    readModel.write({ consortium: { consortiumId: 'c1', name: 'C', idNamespace: 'n' } }, 1);
    await expect(readModel.flushed()).rejects.toThrow();
    await expect(readModel.checkpoint()).rejects.toThrow();
    await expect(readModel.search({ offset: 0, limit: 1 })).rejects.toThrow();
    unreachable.disconnect();
  });
});
