import type { EventStore } from '@onedoor/event-store';
import type { SnapshottedProjection } from '../projection';
import { CheckpointStore, ReadModelCheckpoint } from './checkpoint-store';
import { decodeSnapshots, encodeSnapshots } from './snapshot-codec';
import { messageOf } from './message-of';

/** How often a running runner saves: after this many events or this long, whichever comes first. */
export interface CheckpointPolicy {
  everyEvents: number;
  everyMs: number;
}

export interface CheckpointLog {
  log(message: string, fields: Record<string, unknown>): void;
  warn(message: string, fields: Record<string, unknown>): void;
}

export type RestoreOutcome = { restored: true; position: number; eventId: string } | { restored: false; reason: string };

const consoleLog: CheckpointLog = {
  log: (message, fields) => console.log(message, fields),
  warn: (message, fields) => console.warn(message, fields),
};

/**
 * Saves and restores one runner's projections (see docs/read-model-checkpoints.md). A checkpoint is used only
 * when it is certainly the state this log leads to: every projection's snapshotVersion matches, its position
 * is not past the log's head, and the event at that position is the one it was taken after (so a log restored
 * from a backup, or another consortium's, is never mistaken for this one). Anything else means a rebuild.
 */
export class ReadModelCheckpoints {
  constructor(
    readonly store: CheckpointStore,
    readonly runner: string,
    readonly policy: CheckpointPolicy,
    readonly logger: CheckpointLog = consoleLog,
  ) {
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(runner)) throw new TypeError(`a runner name is lower-case letters, digits and dashes, not ${JSON.stringify(runner)}`);
    if (!Number.isInteger(policy.everyEvents) || policy.everyEvents < 1) throw new RangeError('checkpoint everyEvents must be a whole number of at least 1');
    if (!Number.isInteger(policy.everyMs) || policy.everyMs < 1) throw new RangeError('checkpoint everyMs must be a whole number of at least 1');
  }

  /**
   * Brings the projections back to the saved position, or says why they must be rebuilt from the log. With
   * `notAfter`, a checkpoint past that position is refused too (a consumer whose own output is stored elsewhere
   * up to there, such as the partner feed, cannot skip events it has not stored).
   */
  async restore(projections: SnapshottedProjection[], log: Pick<EventStore, 'readAll' | 'headPosition'>, notAfter = Number.POSITIVE_INFINITY): Promise<RestoreOutcome> {
    const rebuild = (reason: string): RestoreOutcome => ({ restored: false, reason });
    let checkpoint: ReadModelCheckpoint | undefined;
    try {
      checkpoint = await this.store.load(this.runner);
    } catch (error) {
      return rebuild(`the checkpoint could not be read: ${messageOf(error)}`);
    }
    if (!checkpoint) return rebuild('no checkpoint saved');
    const changed = versionChange(projections, checkpoint.versions);
    if (changed) return rebuild(changed);
    const { position, eventId } = checkpoint;
    const head = await log.headPosition();
    if (position > head) return rebuild(`the checkpoint is at position ${position}, past the log's head ${head}`);
    if (position > notAfter) return rebuild(`the checkpoint is at position ${position}, past ${notAfter}, the last one stored`);
    const [event] = await log.readAll(position - 1, 1);
    if (event?.position !== position || event.id !== eventId) return rebuild(`the event at position ${position} is not the one the checkpoint was taken after`);
    let states: Record<string, unknown>;
    try {
      states = decodeSnapshots(checkpoint.state);
    } catch (error) {
      return rebuild(`the checkpoint is unreadable: ${messageOf(error)}`);
    }
    for (const projection of projections) {
      try {
        await projection.restore(states[projection.name]);
      } catch (error) {
        return rebuild(`${projection.name} could not be restored: ${messageOf(error)}`);
      }
    }
    return { restored: true, position, eventId };
  }

  /** Every projection's state now; call it between two events (the runner does), so they agree on the position. */
  capture(projections: SnapshottedProjection[], position: number, eventId: string): ReadModelCheckpoint {
    const versions = Object.fromEntries(projections.map((p) => [p.name, p.snapshotVersion]));
    const state = encodeSnapshots(Object.fromEntries(projections.map((p) => [p.name, p.snapshot()])));
    return { position, eventId, versions, state };
  }

  save(checkpoint: ReadModelCheckpoint): Promise<void> {
    return this.store.save(this.runner, checkpoint);
  }
}

/** Why the saved versions do not fit these projections, or undefined when they do. */
function versionChange(projections: SnapshottedProjection[], saved: Record<string, number>): string | undefined {
  const names = projections.map((p) => p.name);
  const gone = Object.keys(saved).filter((name) => !names.includes(name));
  if (gone.length) return `the checkpoint holds projections this runner no longer has: ${gone.join(', ')}`;
  for (const projection of projections) {
    if (!(projection.name in saved)) return `the checkpoint has no ${projection.name}`;
    if (saved[projection.name] !== projection.snapshotVersion) return `${projection.name}'s snapshot version changed from ${saved[projection.name]} to ${projection.snapshotVersion}`;
  }
  return undefined;
}
