import { START, streamNameFilter } from '@kurrent/kurrentdb-client';
import type { AllStreamSubscription, KurrentDBClient, ReadPosition } from '@kurrent/kurrentdb-client';
import { EventHandler, Subscription } from './event-store.port';
import { KurrentDbStreams } from './kurrentdb-streams';
import { toRecordedEvent } from './kurrentdb-event-mapping';

/**
 * A catch-up subscription to $all, kept to one log by a server-side filter on its domain-stream prefix (which
 * also keeps out every system stream, as excludeSystemEvents() would, and the adapter's index streams). The
 * checkpoint the platform stores is our dense position; `startAt` turns it into the $all position of that
 * event, so a restart reads only what it missed. Never skips, never repeats: $all delivers this log's events in
 * commit order, which is position order (the positions stream serialises appends), so each event must be the
 * one after the last handled; anything at or before it (the rest of the start commit) is passed over, and a
 * jump is an error, not a silent skip. A dropped connection ends the subscription with `onError`, as a handler
 * failure does: the owner restarts it from `position`. The filter's checkpoint-reached events are not used: they
 * give a resume point in $all between matching events, and ours is always a handled event's own position.
 */
export class KurrentDbAllSubscription implements Subscription {
  private lastHandled: number;
  private stopped = false;
  private live: AllStreamSubscription | undefined;
  readonly finished: Promise<void>;

  constructor(
    private readonly client: KurrentDBClient,
    private readonly streams: KurrentDbStreams,
    afterPosition: number,
    private readonly startAt: (afterPosition: number) => Promise<ReadPosition>,
    private readonly handler: EventHandler,
    private readonly onError?: (error: Error) => void,
  ) {
    this.lastHandled = afterPosition;
    this.finished = this.run();
  }

  get position(): number {
    return this.lastHandled;
  }

  /** Do not await this from inside the handler: it waits for that very handler call to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.live?.unsubscribe().catch(() => undefined);
    await this.finished;
  }

  private async run(): Promise<void> {
    try {
      const fromPosition = this.lastHandled === 0 ? START : await this.startAt(this.lastHandled);
      if (this.stopped) return;
      this.live = this.client.subscribeToAll({ fromPosition, filter: streamNameFilter({ prefixes: [this.streams.domainPrefix] }) });
      for await (const resolved of this.live) {
        if (this.stopped) return;
        if (!resolved.event) continue;
        const event = toRecordedEvent(resolved.event, this.streams);
        if (event.position <= this.lastHandled) continue;
        if (event.position !== this.lastHandled + 1) {
          throw new Error(`the $all subscription jumped from position ${this.lastHandled} to ${event.position}; stopping rather than skip`);
        }
        const handled = this.handler(event);
        if (handled) await handled;
        this.lastHandled = event.position;
      }
    } catch (error) {
      if (!this.stopped) this.onError?.(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.stopped = true;
      await this.live?.unsubscribe().catch(() => undefined);
    }
  }
}
