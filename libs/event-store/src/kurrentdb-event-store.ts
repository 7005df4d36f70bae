import { BACKWARDS, KurrentDBClient, START, StreamNotFoundError } from '@kurrent/kurrentdb-client';
import type { EventData, ReadPosition, ReadStreamOptions, RecordedEvent as KurrentRecordedEvent } from '@kurrent/kurrentdb-client';
import {
  AppendCondition,
  AppendOptions,
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedVersion,
  NewEvent,
  RecordedEvent,
  Subscription,
} from './event-store.port';
import { EventStoreClosedError } from './event-store.errors';
import { assertWellFormedConditions, assertWellFormedEvents } from './well-formed-events';
import { AppendRequest, EventRow, toRows } from './append-group';
import { GroupCommitQueue } from './group-commit-queue';
import { decideAppend } from './append-decision';
import { StoredEventPlace } from './event-id-reuse';
import { assertExpectedVersion } from './expected-version';
import { KurrentDbStreams, kurrentDbStreams } from './kurrentdb-streams';
import { toEventData, toRecordedEvent, toStreamState } from './kurrentdb-event-mapping';
import { conditionCheck, conflictsOf, judgeConflicts, PlannedCheck, plannedCheck } from './kurrentdb-conflicts';
import { placeOf, placeRecord } from './kurrentdb-place-records';
import { KurrentDbAllSubscription } from './kurrentdb-subscription';

export interface KurrentDbEventStoreOptions {
  /** A connection string (`kurrentdb://127.0.0.1:2113?tls=false`), or a client the caller keeps and disposes. */
  connection: string | KurrentDBClient;
  /** The first part of every stream name of this log (one server can hold several logs). Default `onedoor`. */
  namespace?: string;
  /** Attempts per append when other writers keep moving the streams it checks. Default 50. */
  maxAttempts?: number;
}

/**
 * The event store over KurrentDB (EventStoreDB's successor), through `@kurrent/kurrentdb-client`. Needs a
 * KurrentDB 26.1 server or later: every append is one `appendRecords` call, atomic across streams with
 * consistency checks. Verified only by the shared contract suite run against a real server (KURRENTDB_URL);
 * no server runs on the project's own machines.
 *
 * **Positions are dense, assigned by the adapter.** KurrentDB's $all positions are (commit, prepare) byte
 * offsets, monotonic but not gap-free, and the port promises 1..N: the platform's read-your-writes waits, relay
 * and projection checkpoints and the pull feed's cursor all compare positions across adapters, and a log
 * migrated between stores keeps them. So each append also writes one entry per event to the log's positions
 * stream, checking that stream is still at the head it read: position = entry's revision + 1, written in the
 * same atomic append, so a failed append burns none. The price: appends are serialised on that one stream
 * (one at a time in this process, optimistic retries between processes), as SQLite's single writer is.
 *
 * **Idempotency is ours, not KurrentDB's window.** KurrentDB deduplicates a retried record id only within a
 * recent window and only for some expected states; the port promises a retry with the same event ids is
 * answered with the original result at any later time, and that an id is never reused. So each event also
 * claims its id (a stream per id, checked absent); an append first reads its ids' claims and its stream and
 * decides with the shared rules (decideAppend), and its checks make that decision hold at commit.
 *
 * **Conditions** (AppendOptions.conditions) are KurrentDB consistency checks on streams the append does not
 * write; **readByIdempotencyId** reads a per-request index stream written in the same append.
 *
 * **Subscriptions** are catch-up subscriptions to $all with a server-side stream-name filter (see
 * KurrentDbAllSubscription). Each append costs its events plus three small index records per event (position,
 * id claim, and the request entry when it carries an idempotencyId).
 */
export class KurrentDbEventStore implements EventStore {
  private readonly appends = new GroupCommitQueue<AppendRequest, AppendResult>((requests) => this.commitInTurn(requests));
  private readonly subscriptions = new Set<KurrentDbAllSubscription>();
  private readonly streams: KurrentDbStreams;
  private readonly maxAttempts: number;
  /** The positions stream's length as last seen; undefined = read it before the next append. */
  private knownHead: number | undefined;
  private closing: Promise<void> | undefined;
  private closed = false;
  private readonly client: KurrentDBClient;
  /** A client made from a connection string is this store's to dispose. */
  private readonly ownsClient: boolean;

  constructor(options: KurrentDbEventStoreOptions) {
    this.streams = kurrentDbStreams(options.namespace ?? 'onedoor');
    this.maxAttempts = options.maxAttempts ?? 50;
    this.client = typeof options.connection === 'string' ? KurrentDBClient.connectionString(options.connection) : options.connection;
    this.ownsClient = typeof options.connection === 'string';
  }

  append(stream: string, events: NewEvent[], expected: ExpectedVersion, options?: AppendOptions): Promise<AppendResult> {
    if (this.closing) return Promise.reject(new EventStoreClosedError());
    try {
      assertWellFormedEvents(stream, events);
      assertWellFormedConditions(options);
      toStreamState(expected); // refuses a malformed expectation here, naming it
      const conditions = options?.conditions?.map(({ stream, expected }) => ({ stream, expected }));
      return this.appends.submit({ stream, rows: toRows(events), expected, conditions });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async readStream(stream: string, fromVersion = 0): Promise<RecordedEvent[]> {
    const records = await this.read(this.streams.domain(stream), { fromRevision: BigInt(fromVersion) });
    return records.map((record) => toRecordedEvent(record, this.streams));
  }

  async readAll(afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    if (limit <= 0) return [];
    const entries = await this.read(this.streams.positions, { fromRevision: BigInt(afterPosition), maxCount: limit });
    return this.eventsAt(entries.map(placeOf));
  }

  async headPosition(): Promise<number> {
    const [last] = await this.read(this.streams.positions, { fromRevision: 'end', direction: BACKWARDS, maxCount: 1 });
    return last ? Number(last.revision) + 1 : 0;
  }

  async readByIdempotencyId(idempotencyId: string): Promise<RecordedEvent[]> {
    const entries = await this.read(this.streams.request(idempotencyId), {});
    return this.eventsAt(entries.map(placeOf));
  }

  subscribe(afterPosition: number, handler: EventHandler, onError?: (error: Error) => void): Subscription {
    const subscription = new KurrentDbAllSubscription(this.client, this.streams, afterPosition, (after) => this.allPositionOf(after), handler, onError);
    this.subscriptions.add(subscription);
    void subscription.finished.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  /** Writes what is queued, stops subscriptions (waiting for running handlers), then disposes a client it made. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        await this.appends.drain();
      } finally {
        await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
        this.closed = true;
        if (this.ownsClient) await this.client.dispose();
      }
    })();
    return this.closing;
  }

  /** One append at a time, each in its own atomic KurrentDB append: a refused one fails alone. */
  private async commitInTurn(requests: AppendRequest[]): Promise<Array<AppendResult | Error>> {
    const outcomes: Array<AppendResult | Error> = [];
    for (const request of requests) {
      outcomes.push(await this.commit(request).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))));
    }
    return outcomes;
  }

  private async commit(request: AppendRequest): Promise<AppendResult> {
    const { stream, rows, expected } = request;
    // A condition on the appended stream is judged with its own expectation, on the version read below.
    const own = (request.conditions ?? []).filter((c) => c.stream === stream);
    const others = (request.conditions ?? []).filter((c) => c.stream !== stream);
    for (let attempt = 1; ; attempt++) {
      const [current, places] = await Promise.all([this.streamHead(stream), this.claimsOf(rows)]);
      const decision = decideAppend(stream, rows, expected, current.version, (id) => places.get(id), own);
      if (decision.kind === 'replay') return decision.result;
      if (rows.length === 0) {
        await this.assertConditionsNow(others);
        return current;
      }
      const head = this.knownHead ?? (await this.headPosition());
      const { records, checks } = this.planAppend(stream, rows, current.version, head, others);
      try {
        await this.client.appendRecords(records, checks.map(({ check }) => check));
        this.knownHead = head + rows.length;
        return { version: current.version + rows.length, position: head + rows.length };
      } catch (error) {
        const conflicts = conflictsOf(error);
        if (!conflicts) throw error;
        const verdict = judgeConflicts(checks, conflicts);
        if (verdict.kind === 'refuse') throw verdict.error;
        this.knownHead = verdict.head;
        if (attempt >= this.maxAttempts) throw new Error(`append to ${stream} gave up after ${attempt} attempts: other writers kept moving the streams it checks`, { cause: error });
      }
    }
  }

  /**
   * The records of one append (the events, then their index entries) and the checks that make the decision
   * just taken hold at commit. Checks are ordered as they are judged: id claims, the stream, conditions, head.
   */
  private planAppend(stream: string, rows: EventRow[], version: number, head: number, conditions: AppendCondition[]) {
    const s = this.streams;
    const places = rows.map((row, i) => ({ row, place: { stream, version: version + i + 1, position: head + i + 1 } }));
    const records: Array<{ streamName: string; record: EventData }> = [
      ...places.map(({ row, place }) => ({ streamName: s.domain(stream), record: toEventData(row, place.position) })),
      ...places.map(({ place }) => ({ streamName: s.positions, record: placeRecord('onedoor-position', place) })),
      ...places.map(({ row, place }) => ({ streamName: s.eventId(row.id), record: placeRecord('onedoor-event-id', place) })),
      ...places.flatMap(({ row, place }) => {
        const idempotencyId = idempotencyIdOf(row);
        return idempotencyId === undefined ? [] : [{ streamName: s.request(idempotencyId), record: placeRecord('onedoor-request-event', place) }];
      }),
    ];
    const checks: PlannedCheck[] = [
      ...rows.map((row) => plannedCheck({ kind: 'event-id' }, s.eventId(row.id), toStreamState('no-stream'))),
      plannedCheck({ kind: 'appended-stream' }, s.domain(stream), toStreamState(version)),
      ...conditions.map((condition) => conditionCheck(condition, s.domain(condition.stream))),
      plannedCheck({ kind: 'positions' }, s.positions, toStreamState(head)),
    ];
    return { records, checks };
  }

  /** An empty append writes nothing, so its conditions are checked by reading (nothing to keep atomic). */
  private async assertConditionsNow(conditions: AppendCondition[]): Promise<void> {
    for (const condition of conditions) {
      assertExpectedVersion(condition.stream, condition.expected, (await this.streamHead(condition.stream)).version);
    }
  }

  /** The stream's version and the position of its last event (0, 0 when it has none). */
  private async streamHead(stream: string): Promise<AppendResult> {
    const [last] = await this.read(this.streams.domain(stream), { fromRevision: 'end', direction: BACKWARDS, maxCount: 1 });
    if (!last) return { version: 0, position: 0 };
    const event = toRecordedEvent(last, this.streams);
    return { version: event.version, position: event.position };
  }

  /** Where each of these ids was stored before, from its claim. */
  private async claimsOf(rows: EventRow[]): Promise<Map<string, StoredEventPlace>> {
    const claims = await Promise.all(rows.map(async ({ id }) => [id, (await this.read(this.streams.eventId(id), { maxCount: 1 }))[0]] as const));
    return new Map(claims.flatMap(([id, claim]) => (claim ? [[id, placeOf(claim)] as const] : [])));
  }

  /** The events at these places, fetched a run of consecutive versions of one stream at a time. */
  private async eventsAt(places: StoredEventPlace[]): Promise<RecordedEvent[]> {
    const runs: StoredEventPlace[][] = [];
    for (const place of places) {
      const run = runs[runs.length - 1];
      const last = run?.[run.length - 1];
      if (last && last.stream === place.stream && last.version + 1 === place.version) run.push(place);
      else runs.push([place]);
    }
    const read = await Promise.all(
      runs.map((run) => this.read(this.streams.domain(run[0].stream), { fromRevision: BigInt(run[0].version - 1), maxCount: run.length })),
    );
    const events = read.flat().map((record) => toRecordedEvent(record, this.streams));
    events.forEach((event, i) => {
      if (event.position !== places[i]?.position) {
        throw new Error(`the index says position ${places[i]?.position} is ${places[i]?.stream}@${places[i]?.version}, but the stream holds position ${event.position} there`);
      }
    });
    if (events.length !== places.length) throw new Error(`the index names ${places.length} events, the streams hold ${events.length}`);
    return events;
  }

  /** Where in $all to start a subscription after `position`: that event's own $all position, when the server gives it. */
  private async allPositionOf(position: number): Promise<ReadPosition> {
    const [entry] = await this.read(this.streams.positions, { fromRevision: BigInt(position - 1), maxCount: 1 });
    if (!entry) return START;
    const place = placeOf(entry);
    const [event] = await this.read(this.streams.domain(place.stream), { fromRevision: BigInt(place.version - 1), maxCount: 1 });
    // Servers before 22.6 send no position on stream reads: then read $all from the start, passing over what was handled.
    return event?.position ?? START;
  }

  /** A stream's records, in the given direction; none when the stream does not exist. */
  private async read(kurrentStream: string, options: ReadStreamOptions): Promise<KurrentRecordedEvent[]> {
    if (this.closed) throw new EventStoreClosedError();
    const records: KurrentRecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(kurrentStream, options)) {
        if (resolved.event) records.push(resolved.event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return records;
      throw error;
    }
    return records;
  }
}

function idempotencyIdOf(row: EventRow): string | undefined {
  const { idempotencyId } = JSON.parse(row.metadata) as { idempotencyId?: unknown };
  return typeof idempotencyId === 'string' && idempotencyId.length > 0 ? idempotencyId : undefined;
}
