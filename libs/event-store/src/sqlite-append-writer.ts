import type { Database, Transaction } from 'better-sqlite3';
import { AppendResult } from './event-store.port';
import { decideAppend } from './append-decision';
import { expectedVersionMatches } from './expected-version';
import { EventStatements } from './sqlite-event-table';
import { AppendOutcome, AppendRequest, EventRow, isRuleError, WrittenAppend, WrittenGroup } from './append-group';

export type { AppendOutcome, AppendRequest, WrittenAppend, WrittenGroup } from './append-group';

/** Past this many streams the version cache starts over rather than grow without bound. */
const MAX_CACHED_STREAMS = 100_000;

/**
 * Writes a group of append requests in ONE SQLite transaction (one fsync), each request isolated so a
 * refused one leaves the others, and the position sequence, untouched: a batch of several events runs
 * under its own savepoint; a single-event append needs none, as SQLite undoes a failed statement whole.
 *
 * The common case skips the rule lookups: with the stream's version known (cached, or assumed 0 for a
 * stream not seen yet unless the caller expects it to exist) it inserts straight away, and UNIQUE(id) or
 * UNIQUE(stream, version) refuse the insert if an id was used before or the guess was wrong. Only then,
 * or when the known version does not meet the expectation, does it read the truth from the table and
 * apply the shared rules (decideAppend). The cache may lag behind the table (another process wrote),
 * never run ahead of it. A request with conditions always takes the checked path: the conditioned
 * streams' versions are read from the table inside the IMMEDIATE transaction (never from the cache), so
 * they include what other processes and the earlier requests of the same group committed.
 */
export class SqliteAppendWriter {
  private readonly versions = new Map<string, number>();
  private readonly group: Transaction<(requests: AppendRequest[], recordedAt: string) => AppendOutcome[]>;
  private readonly optimisticInSavepoint: Transaction<(request: AppendRequest, at: string) => AppendResult | undefined>;
  private readonly checkedInSavepoint: Transaction<(request: AppendRequest, at: string) => AppendResult>;

  constructor(
    db: Database,
    private readonly statements: EventStatements,
  ) {
    // Nested better-sqlite3 transactions run as savepoints.
    this.optimisticInSavepoint = db.transaction((request, at) => this.appendOptimistic(request, at));
    this.checkedInSavepoint = db.transaction((request, at) => this.appendChecked(request, at));
    this.group = db.transaction((requests, recordedAt) => requests.map((r) => this.appendOne(r, recordedAt)));
  }

  /** Throws, with nothing written, only when storage itself fails. */
  writeGroup(requests: AppendRequest[]): WrittenGroup {
    const recordedAt = new Date().toISOString();
    try {
      // IMMEDIATE takes the write lock up front, so what the checks read cannot change before COMMIT.
      return { outcomes: this.group.immediate(requests, recordedAt), recordedAt };
    } catch (error) {
      this.versions.clear(); // versions cached during the rolled-back transaction are no longer true
      throw error;
    }
  }

  private appendOne(request: AppendRequest, recordedAt: string): AppendOutcome {
    if (request.conditions?.length) return this.appendCheckedOrRefused(request, recordedAt);
    try {
      const written =
        request.rows.length === 1
          ? this.appendOptimistic(request, recordedAt)
          : this.optimisticInSavepoint(request, recordedAt);
      if (written) return written;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    return this.appendCheckedOrRefused(request, recordedAt);
  }

  private appendCheckedOrRefused(request: AppendRequest, recordedAt: string): AppendOutcome {
    try {
      return this.checkedInSavepoint(request, recordedAt);
    } catch (error) {
      if (isRuleError(error)) return error;
      throw error;
    }
  }

  /** Undefined when the full check is needed. */
  private appendOptimistic({ stream, rows, expected }: AppendRequest, recordedAt: string): AppendResult | undefined {
    if (rows.length === 0) return undefined;
    let current = this.versions.get(stream);
    if (current === undefined) {
      // Guessing "new" needs no lookup: UNIQUE(stream, version) refuses version 1 if the stream exists.
      // A numeric expectation cannot be guessed that way (a stream shorter than expected would get a gap).
      current = expected === 'no-stream' || expected === 'any' || expected === 0 ? 0 : this.readVersion(stream).version;
    }
    if (!expectedVersionMatches(expected, current)) return undefined;
    return this.insert(stream, rows, current, recordedAt);
  }

  private appendChecked({ stream, rows, expected, conditions }: AppendRequest, recordedAt: string): AppendResult {
    const head = this.readVersion(stream);
    const decision = decideAppend(
      stream,
      rows,
      expected,
      head.version,
      (id) => this.statements.placeOfId.get(id),
      conditions,
      (other) => this.readVersion(other).version,
    );
    if (decision.kind === 'replay') return decision.result;
    if (rows.length === 0) return head;
    return this.insert(stream, rows, head.version, recordedAt);
  }

  private readVersion(stream: string): AppendResult {
    const head = this.statements.streamHead.get(stream) ?? { version: 0, position: 0 };
    this.remember(stream, head.version);
    return head;
  }

  private insert(stream: string, rows: EventRow[], current: number, recordedAt: string): WrittenAppend {
    let position = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const inserted = this.statements.insert.run(
        row.id,
        stream,
        current + i + 1,
        row.type,
        row.schemaVersion,
        row.data,
        row.metadata,
        recordedAt,
      );
      position = Number(inserted.lastInsertRowid);
    }
    const version = current + rows.length;
    this.remember(stream, version);
    return { version, position, written: true };
  }

  private remember(stream: string, version: number): void {
    if (this.versions.size >= MAX_CACHED_STREAMS && !this.versions.has(stream)) this.versions.clear();
    this.versions.set(stream, version);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
