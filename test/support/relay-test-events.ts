import { randomUUID } from 'node:crypto';
import type { EventStore } from '@onedoor/event-store';

/** Appends `count` events spread over `referrals` streams (round robin), one append each, as commands would. */
export async function appendReferralEvents(store: EventStore, count: number, referrals = 10, prefix = 'referral'): Promise<void> {
  for (let i = 0; i < count; i++) {
    await store.append(`${prefix}-${i % referrals}`, [{ id: randomUUID(), type: 'RelayTestHappened', schemaVersion: 1, data: { n: i } }], 'any');
  }
}

/** Keeps appending one event every `intervalMs` until stopped; resolves `stop()` with how many it appended. */
export function keepAppending(store: EventStore, intervalMs: number, referrals = 10): { stop(): Promise<number>; appended(): number } {
  let appended = 0;
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      await store.append(`referral-${appended % referrals}`, [{ id: randomUUID(), type: 'RelayTestHappened', schemaVersion: 1, data: { n: appended } }], 'any');
      appended++;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    appended: () => appended,
    stop: async () => {
      stopped = true;
      await done;
      return appended;
    },
  };
}
