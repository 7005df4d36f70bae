import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { directoryReadModelContract } from './directory-read-model.contract';
import { RedisDirectoryReadModel } from './redis-directory-read-model';

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

directoryReadModelContract('Redis', async () => {
  const readModel = new RedisDirectoryReadModel({ redis, keyPrefix: `onedoor-test:${run}:${randomUUID()}:` });
  return {
    readModel,
    dispose: async () => {
      readModel.clear();
      await readModel.flushed();
      await readModel.close();
    },
  };
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
