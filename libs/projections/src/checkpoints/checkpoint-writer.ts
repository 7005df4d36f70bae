import type { SnapshottedProjection } from '../projection';
import { messageOf } from './message-of';
import type { ReadModelCheckpoint } from './checkpoint-store';
import type { ReadModelCheckpoints } from './read-model-checkpoints';

/**
 * Captures projections at a position and writes the checkpoint in the background, one write at a time: a save
 * asked for while one is in flight is skipped (the caller asks again at its next event or tick). A failed capture
 * or write costs only a longer restart, so it is logged, not thrown.
 */
export class CheckpointWriter {
  private saving: Promise<void> | undefined;
  private saved = 0;

  constructor(
    readonly checkpoints: ReadModelCheckpoints,
    private readonly projections: SnapshottedProjection[],
  ) {}

  /** The position of the last checkpoint written (or restored). */
  get savedPosition(): number {
    return this.saved;
  }

  /** Records that the store already holds this position (after a restore, or 0 after a rebuild). */
  markSaved(position: number): void {
    this.saved = position;
  }

  /**
   * Call only between two events, so every projection is at `position`. Returns whether a save began: not when
   * nothing is new, no event was seen (no id to check against), or a write is still in flight.
   */
  save(position: number, eventId: string | undefined): boolean {
    if (this.saving || eventId === undefined || position === this.saved) return false;
    const { checkpoints } = this;
    let checkpoint: ReadModelCheckpoint;
    try {
      checkpoint = checkpoints.capture(this.projections, position, eventId);
    } catch (error) {
      checkpoints.logger.warn('could not capture the read models for a checkpoint', { runner: checkpoints.runner, position, error: messageOf(error) });
      return false;
    }
    const previous = this.saved;
    this.saved = position;
    this.saving = checkpoints
      .save(checkpoint)
      .catch((error: unknown) => {
        if (this.saved === position) this.saved = previous;
        checkpoints.logger.warn("could not save the read models' checkpoint", { runner: checkpoints.runner, position, error: messageOf(error) });
      })
      .finally(() => (this.saving = undefined));
    return true;
  }

  /** Resolves once the write in flight, if any, is done. */
  async settled(): Promise<void> {
    await this.saving;
  }
}
