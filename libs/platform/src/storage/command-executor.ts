import { Decider, DomainEvent, fold } from '@onedoor/domain';
import { EventStore, WrongExpectedVersionError } from '@onedoor/event-store';
import { EventMetadata, toDomainEvent, toNewEvent } from './event-codec';

export interface Execution<C, S> {
  stream: string;
  /** Builds the command from the current state, so a retry after a conflict decides afresh. */
  command: (state: S) => C;
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

/** The one write path: load the stream, decide, append with the expected version. */
export class CommandExecutor {
  constructor(
    private readonly store: EventStore,
    /** Resolves once read models have applied everything up to a position, so a read after a write sees it. */
    private readonly readModelsCaughtUp: (position: number) => Promise<void>,
  ) {}

  async load<C, E, S>(decider: Decider<C, E, S>, stream: string): Promise<{ state: S; version: number }> {
    const recorded = await this.store.readStream(stream);
    const state = fold(decider, recorded.map((r) => toDomainEvent(r) as unknown as E));
    return { state, version: recorded.length === 0 ? 0 : recorded[recorded.length - 1].version };
  }

  async execute<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, execution: Execution<C, S>): Promise<ExecutionResult<E, S>> {
    for (let attempt = 1; ; attempt++) {
      const { state, version } = await this.load(decider, execution.stream);
      if (execution.expectedVersion !== undefined && execution.expectedVersion !== version) {
        throw new WrongExpectedVersionError(execution.stream, execution.expectedVersion, version);
      }
      const events = decider.decide(execution.command(state), state);
      const next = events.reduce(decider.evolve, state);
      if (events.length === 0) return { events, state: next, version, position: await this.store.headPosition() };
      try {
        const appended = await this.store.append(execution.stream, events.map((e) => toNewEvent(e, execution.metadata)), version);
        await this.readModelsCaughtUp(appended.position);
        return { events, state: next, version: appended.version, position: appended.position };
      } catch (error) {
        // Without If-Match the caller did not see a version: someone writing first is no reason to fail, so decide again.
        const retry = error instanceof WrongExpectedVersionError && execution.expectedVersion === undefined && attempt < 5;
        if (!retry) throw error;
      }
    }
  }
}
