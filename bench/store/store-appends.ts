import type { Database } from 'better-sqlite3';
import { SqliteEventStore } from '@onedoor/event-store';
import { appendFromCallers } from './concurrent-callers';
import { assertDurable } from './durable-sqlite';
import { GroupCommitProbe } from './group-commit-probe';
import type { StreamEvent } from './referral-events';

export interface TimedAppends {
  ms: number;
  /** Append requests per group commit, in commit order. */
  groupSizes: number[];
}

/** A SqliteEventStore on its own file, as the app opens it (WAL, synchronous=FULL), with its group commits counted. */
export class StoreUnderTest {
  private readonly store: SqliteEventStore;
  private readonly probe = new GroupCommitProbe();

  constructor(file: string) {
    // Inline writer: the group-commit probe wraps SqliteAppendWriter.writeGroup on this thread, so the raw side
    // can replay the same group sizes. The app's default worker writer runs the same writeGroup on another thread.
    this.store = new SqliteEventStore({ file, synchronous: 'FULL', pollIntervalMs: 0, writer: 'inline' });
    assertDurable((this.store as unknown as { db: Database }).db);
    this.probe.install();
  }

  /**
   * `inFlight` concurrent callers, each appending one event to a new stream (`expected: 'no-stream'`, as a
   * create command does) and starting its next append as soon as the previous one is acknowledged, until
   * every event is written. Timed from the first append to the last acknowledgement.
   */
  async appendConcurrently(events: StreamEvent[], inFlight: number): Promise<TimedAppends> {
    const firstGroup = this.probe.groupSizes.length;
    const ms = await appendFromCallers(events, inFlight, ({ stream, event }) => this.store.append(stream, [event], 'no-stream'));
    return { ms, groupSizes: this.probe.groupSizes.slice(firstGroup) };
  }

  async close(): Promise<void> {
    this.probe.uninstall();
    await this.store.close();
  }
}
