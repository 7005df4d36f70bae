/**
 * One thing `onedoor migrate` moves from the embedded data directory to PostgreSQL (the log, the person keys,
 * the stored answers…). Every part is checked empty in the target before any is copied, so a refused migration
 * writes nothing; after copying, each verifies its copy against the source.
 */
export interface MigrationPart {
  readonly name: string;
  /** What the target already holds of this part: migrate copies only into an empty target. */
  targetCount(): Promise<number>;
  /** Copies everything; returns how many items it copied. */
  copy(progress: (done: number, total: number) => void): Promise<number>;
  /** Compares the copy with the source; throws if they differ, else describes what matched. */
  verify(): Promise<string>;
  close(): Promise<void>;
}

export class MigrationVerificationError extends Error {
  override name = 'MigrationVerificationError';
}
