import { backoffDelay, pause } from './backoff';

describe('backoff', () => {
  it('doubles from the initial delay up to the ceiling', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(n))).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000]);
    expect(backoffDelay(3, { initialMs: 10, maxMs: 30 })).toBe(30);
  });
  it('stops pausing as soon as the signal aborts', async () => {
    const controller = new AbortController();
    let resolved = false;
    const paused = pause(60_000, controller.signal).then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(false);
    controller.abort();
    await paused;
    expect(resolved).toBe(true);
  });
});
