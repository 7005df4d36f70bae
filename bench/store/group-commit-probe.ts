import { SqliteAppendWriter } from '@onedoor/event-store/sqlite-append-writer';

/**
 * Records, for each group commit of the SqliteEventStore, how many append requests it carried and how
 * long it held the event loop (the synchronous BEGIN IMMEDIATE ... COMMIT, fsync and any WAL checkpoint
 * included), by wrapping SqliteAppendWriter.prototype.writeGroup: one push and two clock reads per commit.
 * The raw baseline replays exactly these transaction sizes, so both sides do the same commits and fsyncs.
 */
export class GroupCommitProbe {
  readonly groupSizes: number[] = [];
  readonly groupMs: number[] = [];
  private original: SqliteAppendWriter['writeGroup'] | undefined;

  install(): this {
    if (this.original) throw new Error('probe already installed');
    const original = SqliteAppendWriter.prototype.writeGroup;
    const { groupSizes, groupMs } = this;
    this.original = original;
    SqliteAppendWriter.prototype.writeGroup = function (this: SqliteAppendWriter, requests) {
      groupSizes.push(requests.length);
      const start = process.hrtime.bigint();
      try {
        return original.call(this, requests);
      } finally {
        groupMs.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    };
    return this;
  }

  uninstall(): void {
    if (!this.original) return;
    SqliteAppendWriter.prototype.writeGroup = this.original;
    this.original = undefined;
  }
}
