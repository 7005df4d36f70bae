import { EventHandler, RecordedEvent, Subscription } from './event-store.port';
import { CatchUpOptions, CatchUpSubscription } from './catch-up-subscription';

/**
 * An adapter's open subscriptions: nudged after each commit, all stopped on close.
 * Keeps the bookkeeping out of the adapters so they differ only in storage.
 */
export class LiveSubscriptions {
  private readonly listeners = new Set<() => void>();
  private readonly open = new Set<CatchUpSubscription>();

  constructor(
    private readonly readAll: (afterPosition: number, limit: number) => Promise<RecordedEvent[]>,
    private readonly options: CatchUpOptions = {},
  ) {}

  subscribe(afterPosition: number, handler: EventHandler, onError?: (error: Error) => void): Subscription {
    const source = {
      readAll: this.readAll,
      onCommitted: (listener: () => void) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
    };
    const subscription = new CatchUpSubscription(source, afterPosition, handler, onError, this.options);
    this.open.add(subscription);
    void subscription.finished.then(() => this.open.delete(subscription));
    return subscription;
  }

  /** Call after each commit. */
  notifyCommitted(): void {
    this.listeners.forEach((listener) => listener());
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.open].map((subscription) => subscription.stop()));
  }
}
