/**
 * One runner's saved read models: every projection's state at one log position, taken between two events.
 * `eventId` is the id of the event at `position`, so a restart can tell the checkpoint belongs to this log.
 */
export interface ReadModelCheckpoint {
  position: number;
  eventId: string;
  /** Each projection's snapshotVersion when it was saved, by projection name. */
  versions: Record<string, number>;
  /** The projections' states, encoded by `encodeSnapshots`. */
  state: Buffer;
}

/**
 * Where runners keep their checkpoints, one per runner name (the platform's, the outcomes', ...): a SQLite file
 * in DATA_DIR for the embedded default, a PostgreSQL table for the distributed deployment. An abstract class,
 * not an interface, so NestJS can inject it by type.
 */
export abstract class CheckpointStore {
  /** The runner's last checkpoint, or undefined when none was saved. */
  abstract load(runner: string): Promise<ReadModelCheckpoint | undefined>;
  /** Replaces the runner's checkpoint, all at once. */
  abstract save(runner: string, checkpoint: ReadModelCheckpoint): Promise<void>;
  /** Forgets the runner's checkpoint. */
  abstract remove(runner: string): Promise<void>;
  abstract close(): Promise<void>;
}
