import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import type { EventStore, RecordedEvent, Subscription } from '@onedoor/event-store';
import { outsideIdempotentRequest } from '../http/idempotency-context';
import { EVENT_STORE } from './tokens';

/** A committed event, as published on the in-process @nestjs/cqrs EventBus. */
export class CommittedEvent {
  constructor(readonly recorded: RecordedEvent) {}
}

/**
 * Feeds the in-memory EventBus from the store's subscription, so reactions only ever see committed events.
 * The EventBus is fire-and-forget; anything that must not be missed reconciles from the log at start as well.
 */
@Injectable()
export class CommittedEventBridge implements OnApplicationBootstrap, OnModuleDestroy {
  private subscription?: Subscription;
  private readonly logger = new Logger('committed-events');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly eventBus: EventBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const head = await this.store.headPosition();
    this.subscription = this.store.subscribe(
      head,
      // A reaction is not part of the request whose events it saw, so what it writes must not carry that request's
      // identity. The subscription already runs in the context it was opened in (start-up); this keeps it so.
      (event) => outsideIdempotentRequest(() => this.eventBus.publish(new CommittedEvent(event))),
      (error) => this.logger.error({ msg: 'committed event bridge stopped', error: error.message }),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription?.stop();
  }
}
