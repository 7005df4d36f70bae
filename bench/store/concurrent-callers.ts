import { startTimer } from '../timing';
import type { StreamEvent } from './referral-events';

/**
 * `inFlight` concurrent callers take the events in order, each starting its next append as soon as its
 * previous one is acknowledged, until every event is written. Returns the ms from the first append to the
 * last acknowledgement. Every store in the append benchmark is driven by this same loop.
 */
export async function appendFromCallers(
  events: StreamEvent[],
  inFlight: number,
  appendOne: (event: StreamEvent) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const caller = async () => {
    while (next < events.length) await appendOne(events[next++]);
  };
  const elapsed = startTimer();
  await Promise.all(Array.from({ length: Math.min(inFlight, events.length) }, caller));
  return elapsed();
}
