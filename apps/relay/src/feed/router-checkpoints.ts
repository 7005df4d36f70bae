import type { EventStore } from '@onedoor/event-store';
import type { PublicationRouter } from '@onedoor/messaging';
import { CheckpointWriter, ReadModelCheckpoints, SnapshottedProjection } from '@onedoor/projections';

/** A router that can save what it has learnt (PartnerStreamRouter can; a test's stand-in may not). */
interface SnapshottedRouter extends PublicationRouter {
  readonly snapshotVersion: number;
  snapshot(): unknown;
  restore(state: unknown): void;
}

function isSnapshotted(router: PublicationRouter): router is SnapshottedRouter {
  const r = router as Partial<SnapshottedRouter>;
  return typeof r.snapshotVersion === 'number' && typeof r.snapshot === 'function' && typeof r.restore === 'function';
}

/**
 * The partner feed's router checkpoint: the router must see every event from position 1, which at every start
 * meant routing the whole log again. Its state is saved like a read model's (runner `partner-feed`), only ever at
 * a position feed.sqlite already holds, and a start restores it only when it is not past feed.sqlite's checkpoint,
 * so no event's messages can be skipped; the events between the two are routed again and dropped, as before.
 */
export class RouterCheckpoints {
  private readonly writer: CheckpointWriter;

  private constructor(
    private readonly checkpoints: ReadModelCheckpoints,
    private readonly router: SnapshottedRouter,
  ) {
    this.writer = new CheckpointWriter(checkpoints, [this.asProjection()]);
  }

  /** Undefined when checkpoints are off or the router cannot be saved: the feed then routes from position 1. */
  static of(router: PublicationRouter, checkpoints: ReadModelCheckpoints | undefined): RouterCheckpoints | undefined {
    return checkpoints && isSnapshotted(router) ? new RouterCheckpoints(checkpoints, router) : undefined;
  }

  /** The position to route after: the checkpoint's when it fits (the router restored), else 0. */
  async restore(log: Pick<EventStore, 'readAll' | 'headPosition'>, storedUpTo: number): Promise<number> {
    const outcome = await this.checkpoints.restore([this.asProjection()], log, storedUpTo);
    const { logger, runner } = this.checkpoints;
    if (outcome.restored) {
      this.writer.markSaved(outcome.position);
      logger.log('partner feed router restored from its checkpoint', { runner, checkpoint: outcome.position, feedCheckpoint: storedUpTo });
      return outcome.position;
    }
    logger.log('partner feed router routes the whole log again', { runner, because: outcome.reason, feedCheckpoint: storedUpTo });
    return 0;
  }

  /** Call between two events, with everything routed up to `position` stored in feed.sqlite. */
  save(position: number, eventId: string | undefined): void {
    this.writer.save(position, eventId);
  }

  get savedPosition(): number {
    return this.writer.savedPosition;
  }

  get policy() {
    return this.checkpoints.policy;
  }

  settled(): Promise<void> {
    return this.writer.settled();
  }

  private asProjection(): SnapshottedProjection {
    const router = this.router;
    return {
      name: 'partner-stream-router',
      snapshotVersion: router.snapshotVersion,
      apply: (event) => void router.route(event),
      // Never called: a feed that cannot restore routes from position 1 with the fresh router it started with.
      reset: () => undefined,
      snapshot: () => router.snapshot(),
      restore: (state) => router.restore(state),
    };
  }
}
