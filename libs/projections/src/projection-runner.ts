import type { EventStore, RecordedEvent, Subscription } from '@onedoor/event-store';
import { Projection, SnapshottedProjection, isSnapshotted } from './projection';
import type { ReadModelCheckpoints } from './checkpoints/read-model-checkpoints';
import { CheckpointWriter } from './checkpoints/checkpoint-writer';

export interface ProjectionRunnerOptions {
  /** Told when a projection throws (the runner then stays stopped) or the subscription itself fails. */
  onError?(error: Error): void;
  /** Save the projections and restart from them (`resume`); every projection must then be snapshotted. */
  checkpoints?: ReadModelCheckpoints;
}

/** How `resume` got the read models to the log's head. */
export interface RunnerResume {
  /** Whether a checkpoint was restored (else every projection was rebuilt from position 0). */
  restored: boolean;
  /** The position read after: the checkpoint's, or 0. */
  from: number;
  /** Events read to reach the head seen at start. */
  read: number;
  /** Why there was a rebuild. */
  rebuildBecause?: string;
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
  private readonly checkpoints: ReadModelCheckpoints | undefined;
  private readonly writer: CheckpointWriter | undefined;
  /** Id of the event at `applied`: a checkpoint names it, so a restart can tell it belongs to this log. */
  private lastEventId: string | undefined;
  private sinceSave = 0;
  /** Periodic saves begin once `resume` has caught up: a rebuild is saved once, at its end, not every N events. */
  private periodic = false;
  private timer: NodeJS.Timeout | undefined;
  private resumed: RunnerResume | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly projections: Projection[],
    options: ProjectionRunnerOptions = {},
  ) {
    // Never silent: without a handler a failure still reaches the log.
    this.onError = options.onError ?? ((error) => console.error(error));
    this.checkpoints = options.checkpoints;
    const unsaved = this.checkpoints ? projections.filter((p) => !isSnapshotted(p)).map((p) => p.name) : [];
    if (unsaved.length) throw new TypeError(`a checkpointed runner needs snapshotted projections; these are not: ${unsaved.join(', ')}`);
    this.writer = this.checkpoints && new CheckpointWriter(this.checkpoints, projections as SnapshottedProjection[]);
  }

  /**
   * Starts from the runner's checkpoint when it fits this log and these projections, else rebuilds from 0
   * (saying why in the log), and resolves once the read models hold everything up to the head seen at
   * start. From then on the runner saves a checkpoint every N events or T ms, and on `stop`.
   */
  async resume(): Promise<RunnerResume> {
    const head = await this.store.headPosition();
    const outcome = this.checkpoints
      ? await this.checkpoints.restore(this.projections as SnapshottedProjection[], this.store)
      : ({ restored: false, reason: 'checkpoints are off' } as const);
    if (outcome.restored) {
      this.lastEventId = outcome.eventId;
      this.writer?.markSaved(outcome.position);
      this.start(outcome.position);
    } else {
      this.writer?.markSaved(0);
      this.start(0);
    }
    const from = this.applied;
    await this.waitFor(head);
    const resume: RunnerResume = { restored: outcome.restored, from, read: this.applied - from, ...(outcome.restored ? {} : { rebuildBecause: outcome.reason }) };
    this.resumed = resume;
    if (this.checkpoints) {
      const { logger, runner, policy } = this.checkpoints;
      if (outcome.restored) logger.log('read models restored from their checkpoint', { runner, checkpoint: from, read: resume.read, head });
      else logger.log('read models rebuilt from the whole log', { runner, because: outcome.reason, read: resume.read, head });
      this.saveNow();
      this.periodic = true;
      this.timer = setInterval(() => this.saveNow(), policy.everyMs);
      this.timer.unref();
    }
    return resume;
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
    if (afterPosition === 0) {
      this.projections.forEach((projection) => projection.reset());
      this.lastEventId = undefined;
    }
    this.applied = afterPosition;
    this.failure = undefined;
    this.state = 'running';
    this.subscription = this.store.subscribe(afterPosition, (event) => this.applyToAll(event), (error) => this.fail(error));
  }

  /** How the last `resume` reached the head: restored or rebuilt, and how many events it read. */
  get lastResume(): RunnerResume | undefined {
    return this.resumed;
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

  /**
   * Stops reading the log. A runner that resumed saves its checkpoint first (not after a failure: the
   * projections before the failing one already hold that event, so the state is no position's).
   */
  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    const wasRunning = this.state === 'running';
    if (wasRunning) this.state = 'stopped';
    await subscription?.stop();
    this.rejectWaiters();
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.periodic = false;
    await this.writer?.settled();
    if (wasRunning && this.state === 'stopped') this.saveNow();
    await this.writer?.settled();
  }

  /** Waits for the checkpoint being written, if any (tests, and benches that time it). */
  async checkpointSaved(): Promise<void> {
    await this.writer?.settled();
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
    this.lastEventId = event.id;
    if (this.periodic && ++this.sinceSave >= this.checkpoints!.policy.everyEvents) this.saveNow();
    this.resolveWaiters();
  }

  /** Saves every projection now: called only between two events (after one is applied, or from a timer). */
  private saveNow(): void {
    if (this.state === 'failed' || !this.writer) return;
    if (this.writer.save(this.applied, this.lastEventId)) this.sinceSave = 0;
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
