import { IdempotentRequest, currentIdempotentRequest, idempotencyMetadataOf, outsideIdempotentRequest, repeatableId, runAsIdempotentRequest } from './idempotency-context';

const request = (idSeed: string): IdempotentRequest => ({ idempotencyId: 'id', logFingerprint: 'fp', idSeed, committed: [], idsMade: 0 });
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the idempotent request in async context', () => {
  it('makes no ids outside an idempotent request (callers then pick random ones)', () => {
    expect(repeatableId()).toBeUndefined();
    expect(currentIdempotentRequest()).toBeUndefined();
  });

  it('a retry with the same seed makes the same ids in the same order, each a well-formed UUID', async () => {
    const ids = (seed: string) =>
      runAsIdempotentRequest(request(seed), async () => {
        const first = repeatableId();
        await new Promise((resolve) => setImmediate(resolve)); // survives awaits, as a handler's would
        return [first, repeatableId()];
      });
    const first = await ids('seed-1');
    expect(await ids('seed-1')).toEqual(first);
    expect(first[0]).not.toBe(first[1]);
    for (const id of first) expect(id).toMatch(UUID_V4);
    expect(await ids('seed-2')).not.toEqual(first);
  });

  it('work run outside the request (a reaction to its events) does not see it', () => {
    runAsIdempotentRequest(request('seed'), () => {
      expect(currentIdempotentRequest()?.idSeed).toBe('seed');
      outsideIdempotentRequest(() => {
        expect(currentIdempotentRequest()).toBeUndefined();
        expect(repeatableId()).toBeUndefined();
      });
    });
  });

  it('the metadata it adds to events is the identity, the log fingerprint and the seed only', () => {
    expect(idempotencyMetadataOf(request('seed'))).toEqual({ idempotencyId: 'id', requestFingerprint: 'fp', idSeed: 'seed' });
  });
});
