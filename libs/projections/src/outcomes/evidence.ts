import type { RecordedEvent } from '@onedoor/event-store';

/** An event that counts toward a milestone or a report line: enough to find it in the log. */
export interface Evidence {
  position: number;
  eventId: string;
  type: string;
  at: string;
}

export function evidenceOf(recorded: RecordedEvent, at: string): Evidence {
  return { position: recorded.position, eventId: recorded.id, type: recorded.type, at };
}

export const DAY_MS = 86_400_000;

/** The UTC month of an instant or date, YYYY-MM. */
export const monthOf = (time: number | string): string => new Date(typeof time === 'string' ? Date.parse(time) : time).toISOString().slice(0, 7);

export const dayStart = (date: string): number => Date.parse(`${date.slice(0, 10)}T00:00:00.000Z`);

/** Nearest-rank percentile of ascending values; undefined when there are none. */
export function percentile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}
