import type { OutboundMessage } from '@onedoor/messaging';

/** What the router made of one committed event: possibly no message at all, which still moves the checkpoint. */
export interface RoutedEvent {
  position: number;
  messages: OutboundMessage[];
}

/**
 * The events routed but not yet acknowledged by the broker, in log order. Bounded: when it is full, `push`
 * returns a promise that settles once there is room, which pauses the store subscription feeding it (the
 * event store is the buffer while the broker is slow or down).
 */
export class RoutedEventBuffer {
  private entries: RoutedEvent[] = [];
  private roomWaiters: Array<() => void> = [];
  private entryWaiter: (() => void) | undefined;
  private closed = false;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.length;
  }

  push(entry: RoutedEvent): Promise<void> | undefined {
    if (this.closed) return undefined;
    this.entries.push(entry);
    this.wakeTaker();
    if (this.entries.length < this.capacity) return undefined;
    return new Promise<void>((resolve) => this.roomWaiters.push(resolve));
  }

  /** Removes the oldest entries, as many as fit in `maxMessages` messages (always at least one entry). */
  take(maxMessages: number): RoutedEvent[] {
    let count = 0;
    let taken = 0;
    while (taken < this.entries.length) {
      const size = this.entries[taken].messages.length;
      if (taken > 0 && count + size > maxMessages) break;
      count += size;
      taken++;
    }
    const batch = this.entries.splice(0, taken);
    if (this.entries.length < this.capacity) this.wakePushers();
    return batch;
  }

  /** Settles once there is something to take, or at once when closed or `signal` aborts. */
  whenNotEmpty(signal: AbortSignal): Promise<void> {
    if (this.entries.length > 0 || this.closed || signal.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        signal.removeEventListener('abort', done);
        this.entryWaiter = undefined;
        resolve();
      };
      this.entryWaiter = done;
      signal.addEventListener('abort', done);
    });
  }

  /** Drops what is buffered (the next leader sends it again from the checkpoint) and releases every waiter. */
  close(): void {
    this.closed = true;
    this.entries = [];
    this.wakePushers();
    this.wakeTaker();
  }

  private wakeTaker(): void {
    this.entryWaiter?.();
  }

  private wakePushers(): void {
    const waiters = this.roomWaiters;
    this.roomWaiters = [];
    waiters.forEach((resolve) => resolve());
  }
}
