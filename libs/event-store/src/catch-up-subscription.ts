import { EventHandler, RecordedEvent, Subscription } from './event-store.port';

/** What a subscription needs from a store: the global log, and a nudge when something new committed. */
export interface CommittedEventSource {
  readAll(afterPosition: number, limit: number): Promise<RecordedEvent[]>;
  /** Registers a listener called after each commit; returns the unregister function. */
  onCommitted(listener: () => void): () => void;
}

export interface CatchUpOptions {
  /** Events read per catch-up query. */
  batchSize?: number;
  /** Also re-read this often while idle, to see commits made by another process (0 = only on nudges). */
  pollIntervalMs?: number;
}

/**
 * Reads the log from a position in batches and hands each event to the handler one at a time; when it
 * runs out it sleeps until the store nudges it (or the poll timer fires), then reads again. Because it
 * always re-reads from its own position, a nudge can be missed or repeated without skipping or
 * repeating events. Shared by every adapter so all subscriptions behave alike.
 */
export class CatchUpSubscription implements Subscription {
  private lastHandled: number;
  private stopped = false;
  /** Set by every nudge; cleared before each read, so a commit during a read is never slept through. */
  private nudged = false;
  private wake: (() => void) | undefined;
  private readonly unregister: () => void;
  /** Settles once delivery has ended for good (stopped, or the handler failed). */
  readonly finished: Promise<void>;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;

  constructor(
    private readonly source: CommittedEventSource,
    afterPosition: number,
    private readonly handler: EventHandler,
    private readonly onError?: (error: Error) => void,
    options: CatchUpOptions = {},
  ) {
    this.lastHandled = afterPosition;
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 0;
    this.unregister = source.onCommitted(() => this.nudge());
    this.finished = this.run();
  }

  get position(): number {
    return this.lastHandled;
  }

  /** Do not await this from inside the handler: it waits for that very handler call to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.nudge();
    await this.finished;
  }

  private nudge(): void {
    this.nudged = true;
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private async run(): Promise<void> {
    try {
      while (!this.stopped) {
        this.nudged = false;
        const batch = await this.source.readAll(this.lastHandled, this.batchSize);
        for (const event of batch) {
          if (this.stopped) return;
          const handled = this.handler(event);
          // Only a handler's promise is waited for: awaiting a synchronous handler's undefined cost a
          // microtask turn per event (projections are synchronous), and the order is the same either way.
          if (handled) await handled;
          this.lastHandled = event.position;
        }
        if (batch.length < this.batchSize && !this.nudged && !this.stopped) await this.sleep();
      }
    } catch (error) {
      this.stopped = true;
      this.onError?.(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.unregister();
    }
  }

  private sleep(): Promise<void> {
    return new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      this.wake = () => {
        if (timer) clearTimeout(timer);
        resolve();
      };
      if (this.pollIntervalMs > 0) {
        timer = setTimeout(() => {
          this.wake = undefined;
          resolve();
        }, this.pollIntervalMs);
        // An idle subscription alone should not keep the process alive.
        timer.unref();
      }
    });
  }
}
