import type { AppendOptions, AppendResult, EventHandler, EventStore, ExpectedVersion, NewEvent, RecordedEvent, Subscription } from '@onedoor/event-store';

/** What an instance-local key cache needs from the log to stay right (see PostgresPersonKeyStore). */
export interface KeysFollowingTheLog {
  knows(personId: string): boolean;
  learn(personIds: Iterable<string>): Promise<void>;
  forgetErased(personId: string): void;
}

/** Every event about a person names them in `data.personId`; their key is needed to open what it sealed. */
function personIdOf(event: RecordedEvent): string | undefined {
  const personId = event.data.personId;
  return typeof personId === 'string' ? personId : undefined;
}

/**
 * The event store as the platform hands it out when several instances share the person keys: no event leaves it
 * (read, or delivered to a subscriber) before this instance has learned the key of the person it names, and an
 * erasure drops the key before anything sees it. So a read model never opens a live person's field as erased for
 * want of a key another instance created, and stops opening an erased person's the moment it applies the erasure.
 */
export class KeyLearningEventStore implements EventStore {
  constructor(
    private readonly log: EventStore,
    private readonly keys: KeysFollowingTheLog,
  ) {}

  append(stream: string, events: NewEvent[], expected: ExpectedVersion, options?: AppendOptions): Promise<AppendResult> {
    return this.log.append(stream, events, expected, options);
  }

  async readStream(stream: string, fromVersion?: number): Promise<RecordedEvent[]> {
    return this.learnedFrom(await this.log.readStream(stream, fromVersion));
  }

  async readAll(afterPosition: number, limit: number): Promise<RecordedEvent[]> {
    return this.learnedFrom(await this.log.readAll(afterPosition, limit));
  }

  headPosition(): Promise<number> {
    return this.log.headPosition();
  }

  async readByIdempotencyId(idempotencyId: string): Promise<RecordedEvent[]> {
    return this.learnedFrom(await this.log.readByIdempotencyId(idempotencyId));
  }

  subscribe(afterPosition: number, handler: EventHandler, onError?: (error: Error) => void): Subscription {
    return this.log.subscribe(
      afterPosition,
      (event) => {
        // Known people (nearly every event) go straight on, without a turn of the event loop.
        const learning = this.learning([event]);
        return learning ? learning.then(() => handler(event)) : handler(event);
      },
      onError,
    );
  }

  close(): Promise<void> {
    return this.log.close();
  }

  private async learnedFrom(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    await this.learning(events);
    return events;
  }

  /** Drops erased people's keys, and returns the look-up of the unknown ones (undefined when there are none). */
  private learning(events: readonly RecordedEvent[]): Promise<void> | undefined {
    const unknown: string[] = [];
    for (const event of events) {
      const personId = personIdOf(event);
      if (personId === undefined) continue;
      if (event.type === 'PersonErased') this.keys.forgetErased(personId);
      else if (!this.keys.knows(personId)) unknown.push(personId);
    }
    return unknown.length > 0 ? this.keys.learn(unknown) : undefined;
  }
}
