import { InMemoryEventStore } from '@onedoor/event-store';
import { IDEMPOTENCY_WINDOW_MS, findEarlierAttempt } from './idempotency-log';

const event = (n: number, metadata: Record<string, unknown>) => ({ id: `e-${n}`, type: 'Noted', schemaVersion: 1, data: { n }, metadata });
const attempt = { idempotencyId: 'request-1', requestFingerprint: 'fp-1', idSeed: 'seed-1' };

describe('finding an earlier attempt in the event log', () => {
  let store: InMemoryEventStore;
  beforeEach(async () => {
    store = new InMemoryEventStore();
    await store.append('a', [event(1, { staffId: 's' }), event(2, { staffId: 's', ...attempt })], 'no-stream');
    await store.append('b', [event(3, { staffId: 's', ...attempt })], 'no-stream');
  });
  afterEach(() => store.close());

  it('finds every event the attempt committed, with its request fingerprint and id seed', async () => {
    const found = await findEarlierAttempt(store, 'request-1', new Date());
    expect(found).toMatchObject({ requestFingerprint: 'fp-1', idSeed: 'seed-1' });
    expect(found!.events.map((e) => [e.stream, e.data.n])).toEqual([['a', 2], ['b', 3]]);
  });

  it('finds nothing for a request that never committed', async () => {
    expect(await findEarlierAttempt(store, 'request-2', new Date())).toBeUndefined();
  });

  it('forgets attempts older than the window, as requests.sqlite forgets answers: the key may then name a new request', async () => {
    const later = new Date(Date.now() + IDEMPOTENCY_WINDOW_MS + 60_000);
    expect(await findEarlierAttempt(store, 'request-1', later)).toBeUndefined();
  });

  it('ignores events that name the request without saying what it was', async () => {
    await store.append('c', [event(4, { idempotencyId: 'request-3' })], 'no-stream');
    expect(await findEarlierAttempt(store, 'request-3', new Date())).toBeUndefined();
  });
});
