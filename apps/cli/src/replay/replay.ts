import type { SqliteEventLogReader } from '@onedoor/event-store';
import type { Projection } from '@onedoor/projections';

export interface ReplayProgress {
  start(total: number): void;
  update(done: number): void;
  stop(): void;
}

export interface ReplayResult {
  events: number;
  toPosition: number;
  ms: number;
}

/** Feeds the log, in order, up to `toPosition` (default: the head when the replay starts) into the projection. */
export function replayInto(projection: Projection, log: SqliteEventLogReader, progress: ReplayProgress, toPosition = log.head()): ReplayResult {
  const started = performance.now();
  projection.reset();
  progress.start(toPosition);
  let events = 0;
  let position = 0;
  for (const batch of log.batches(0, 1000, toPosition)) {
    for (const event of batch) projection.apply(event);
    events += batch.length;
    position = batch[batch.length - 1].position;
    progress.update(position);
  }
  progress.stop();
  return { events, toPosition: position, ms: performance.now() - started };
}
