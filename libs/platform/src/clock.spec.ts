import { Clock } from './clock';

describe('Clock', () => {
  it('reads a past instant while running work at it, and the live time again after', async () => {
    const clock = new Clock();
    const seen = await clock.runAt('2025-03-04T10:00:00Z', async () => clock.now());
    expect(seen).toBe('2025-03-04T10:00:00.000Z');
    expect(clock.now()).not.toBe(seen);
  });

  it('gives the live time back when the work fails, and restores an outer instant after an inner one', async () => {
    const clock = new Clock();
    await expect(clock.runAt('2025-03-04T10:00:00Z', async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(clock.now()).not.toBe('2025-03-04T10:00:00.000Z');
    const inner = await clock.runAt('2025-03-04T10:00:00Z', async () => [await clock.runAt('2025-03-05T09:00:00Z', async () => clock.now()), clock.now()]);
    expect(inner).toEqual(['2025-03-05T09:00:00.000Z', '2025-03-04T10:00:00.000Z']);
  });

  it('refuses an instant that is not a date-time', async () => {
    await expect(new Clock().runAt('last tuesday', async () => 1)).rejects.toThrow('the clock runs at an ISO date-time, not last tuesday');
  });
});
