import { Decider, DomainEvent } from '@onedoor/domain';
import { AppendCondition, EventStore, RecordedEvent, WrongExpectedVersionError } from '@onedoor/event-store';
import { currentIdempotentRequest, idempotencyMetadataOf } from '../http/idempotency-context';
import { EventMetadata, toDomainEvent, toNewEvent } from './event-codec';

export interface Execution<C, S> {
  stream: string;
  /**
   * Builds the command from the current state, so a retry after a conflict decides afresh. It may read
   * facts from other streams (a person's consent); each attempt reads them again.
   */
  command: (state: S) => C | Promise<C>;
  /**
   * Other streams whose versions, as this attempt's command read them, must still hold when the events are
   * appended (in the same transaction): a decision is never committed against facts that changed meanwhile.
   * Called after `command`; a failed condition is retried with fresh facts, even under If-Match.
   */
  conditions?: () => readonly AppendCondition[];
  /** The stream version the caller saw (If-Match). When given, a stale version is a 409, never retried. */
  expectedVersion?: number;
  metadata: EventMetadata;
}

export interface ExecutionResult<E, S> {
  events: E[];
  state: S;
  /** The stream version after the command. */
  version: number;
  /** Global position of the last event written (or the head when nothing was written). */
  position: number;
}

/** Streams whose folded state is kept between commands; older entries are dropped first. */
const CACHED_STREAMS = 20_000;

/** The one write path: load the stream, decide, append with the expected version. */
export class CommandExecutor {
  /**
   * Folded state per stream, so a load reads only the events after the cached version (usually none)
   * instead of replaying the whole stream. States are immutable, so sharing them is safe.
   */
  private readonly cache = new Map<string, { state: unknown; version: number }>();

  constructor(
    private readonly store: EventStore,
    /** Resolves once read models have applied everything up to a position, so a read after a write sees it. */
    private readonly readModelsCaughtUp: (position: number) => Promise<void>,
  ) {}

  async load<C, E, S>(decider: Decider<C, E, S>, stream: string): Promise<{ state: S; version: number }> {
    const cached = this.cache.get(stream) as { state: S; version: number } | undefined;
    const from = cached ?? { state: decider.initialState, version: 0 };
    const tail = await this.store.readStream(stream, from.version);
    if (tail.length === 0) return from;
    const loaded = {
      state: tail.reduce((state, r) => decider.evolve(state, toDomainEvent(r) as unknown as E), from.state),
      version: tail[tail.length - 1].version,
    };
    this.remember(stream, loaded);
    return loaded;
  }

  private remember(stream: string, entry: { state: unknown; version: number }): void {
    this.cache.delete(stream);
    if (this.cache.size >= CACHED_STREAMS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(stream, entry);
  }

  async execute<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, execution: Execution<C, S>): Promise<ExecutionResult<E, S>> {
    const request = currentIdempotentRequest();
    // A retry of a request whose earlier attempt committed here (its answer lost in a crash): nothing is
    // written again, and the caller goes on to answer from the current state. Checked before If-Match, which
    // that very write has made stale.
    const committed = request?.committed.filter((event) => event.stream === execution.stream) ?? [];
    if (committed.length > 0) return this.alreadyCommitted(decider, execution.stream, committed);
    const metadata = request ? { ...execution.metadata, ...idempotencyMetadataOf(request) } : execution.metadata;
    for (let attempt = 1; ; attempt++) {
      const { state, version } = await this.load(decider, execution.stream);
      if (execution.expectedVersion !== undefined && execution.expectedVersion !== version) {
        throw new WrongExpectedVersionError(execution.stream, execution.expectedVersion, version);
      }
      const events = decider.decide(await execution.command(state), state);
      const next = events.reduce(decider.evolve, state);
      if (events.length === 0) return { events, state: next, version, position: await this.store.headPosition() };
      try {
        const conditions = execution.conditions?.() ?? [];
        const appended = await this.store.append(execution.stream, events.map((e) => toNewEvent(e, metadata)), version, conditions.length > 0 ? { conditions } : undefined);
        this.remember(execution.stream, { state: next, version: appended.version });
        await this.readModelsCaughtUp(appended.position);
        return { events, state: next, version: appended.version, position: appended.position };
      } catch (error) {
        // Without If-Match the caller did not see a version: someone writing first is no reason to fail, so decide again.
        // A condition's stream that moved means the facts changed: decide again on the fresh ones.
        const conflict = error instanceof WrongExpectedVersionError ? error : undefined;
        const retry = conflict !== undefined && (execution.expectedVersion === undefined || conflict.stream !== execution.stream) && attempt < 5;
        if (!retry) throw error;
      }
    }
  }

  private async alreadyCommitted<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, stream: string, committed: readonly RecordedEvent[]): Promise<ExecutionResult<E, S>> {
    const { state, version } = await this.load(decider, stream);
    const position = committed[committed.length - 1].position;
    await this.readModelsCaughtUp(position);
    return { events: committed.map((event) => toDomainEvent(event) as unknown as E), state, version, position };
  }
}
