import type { EventStore, RecordedEvent, Subscription } from '@onedoor/event-store';
import type { Projection } from './projection';

export interface ProjectionRunnerOptions {
  /** Told when a projection throws (the runner then stays stopped) or the subscription itself fails. */
  onError?(error: Error): void;
}

/** A projection threw on an event: the read models stop there rather than skip it and drift from the log. */
export class ProjectionFailedError extends Error {
  constructor(
    readonly projection: string,
    readonly position: number,
    readonly eventType: string,
    readonly cause: unknown,
  ) {
    super(`projection ${projection} failed on event ${eventType} at position ${position}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ProjectionFailedError';
  }
}

export class ProjectionRunnerStoppedError extends Error {
  constructor(position: number, wanted: number) {
    super(`the projection runner stopped at position ${position}, before ${wanted}`);
    this.name = 'ProjectionRunnerStoppedError';
  }
}

export type ProjectionRunnerStatus = 'idle' | 'running' | 'stopped' | 'failed';

interface Waiter {
  position: number;
  resolve(): void;
  reject(error: Error): void;
}

/**
 * Feeds the global log, in order, to the in-process read models: catch-up from the stored events,
 * then live as new ones commit. `waitFor` lets a command handler answer only once its own events
 * are visible in the read models (read-your-writes).
 */
export class ProjectionRunner {
  private subscription: Subscription | undefined;
  private applied = 0;
  private state: ProjectionRunnerStatus = 'idle';
  private failure: Error | undefined;
  private waiters: Waiter[] = [];
  private readonly onError: (error: Error) => void;

  constructor(
    private readonly store: EventStore,
    private readonly projections: Projection[],
    options: ProjectionRunnerOptions = {},
  ) {
    // Never silent: without a handler a failure still reaches the log.
    this.onError = options.onError ?? ((error) => console.error(error));
  }

  /**
   * Starting from 0 resets every projection and rebuilds it from the whole log. A later position
   * resumes projections that already hold everything up to it (nothing is reset then); after a
   * failure only a rebuild from 0 is allowed.
   */
  start(afterPosition = 0): void {
    if (this.state === 'running') throw new Error('the projection runner is already running');
    // Projections before the failing one already applied that event, so only a rebuild is safe.
    if (this.state === 'failed' && afterPosition !== 0) throw new Error('a failed projection runner restarts from position 0');
    if (afterPosition === 0) this.projections.forEach((projection) => projection.reset());
    this.applied = afterPosition;
    this.failure = undefined;
    this.state = 'running';
    this.subscription = this.store.subscribe(afterPosition, (event) => this.applyToAll(event), (error) => this.fail(error));
  }

  /** Position of the last event applied to every projection. */
  get position(): number {
    return this.applied;
  }

  get status(): ProjectionRunnerStatus {
    return this.state;
  }

  /** Why the runner stopped, when a projection or the subscription failed. */
  get error(): Error | undefined {
    return this.failure;
  }

  /** Resolves once every event up to `position` is applied; rejects if the runner stops or fails first. */
  waitFor(position: number): Promise<void> {
    if (this.applied >= position) return Promise.resolve();
    if (this.state === 'failed' || this.state === 'stopped') return Promise.reject(this.stoppedError(position));
    return new Promise<void>((resolve, reject) => this.waiters.push({ position, resolve, reject }));
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    if (this.state === 'running') this.state = 'stopped';
    await subscription?.stop();
    this.rejectWaiters();
  }

  private applyToAll(event: RecordedEvent): void {
    for (const projection of this.projections) {
      try {
        projection.apply(event);
      } catch (cause) {
        // Rethrown so the subscription stops here: skipping would leave the read models wrong for good.
        throw new ProjectionFailedError(projection.name, event.position, event.type, cause);
      }
    }
    this.applied = event.position;
    this.resolveWaiters();
  }

  private fail(error: Error): void {
    this.state = 'failed';
    this.failure = error;
    this.subscription = undefined;
    this.onError(error);
    this.rejectWaiters();
  }

  private resolveWaiters(): void {
    if (this.waiters.length === 0) return;
    const due = this.waiters.filter((w) => w.position <= this.applied);
    this.waiters = this.waiters.filter((w) => w.position > this.applied);
    due.forEach((w) => w.resolve());
  }

  private rejectWaiters(): void {
    const waiting = this.waiters;
    this.waiters = [];
    waiting.forEach((w) => w.reject(this.stoppedError(w.position)));
  }

  private stoppedError(position: number): Error {
    return this.failure ?? new ProjectionRunnerStoppedError(this.applied, position);
  }
}
