import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { EventStore, RecordedEvent, Subscription } from '@onedoor/event-store';
import { OutboundMessage, PUBLICATION_ROUTER, PublicationRouter, StructuredCloudEvent, structuredCloudEvent, topics } from '@onedoor/messaging';
import { ERASED, PersonalDataVault } from '@onedoor/personal-data';
import { EVENT_STORE, ONEDOOR_CONFIG, OnedoorConfig, HealthRegistry, readModelCheckpoints } from '@onedoor/platform';
import { CheckpointStore } from '@onedoor/projections';
import { NewFeedMessage, PartnerFeedStore, StoredFeedMessage } from '@onedoor/relay-stores';
import { openPartnerFeedStore } from './open-partner-feed-store';
import { RouterCheckpoints } from './router-checkpoints';

/** One message as the pull feed and webhooks serve it: the same CloudEvent as on Kafka, in structured form. */
export interface FeedItem {
  topic: string;
  key: string;
  event: StructuredCloudEvent;
}

export interface FeedPage {
  items: FeedItem[];
  /** The cursor for the next page: pass it as `after`. */
  next: number;
  /** The last log position the feed has taken in. */
  head: number;
}

/**
 * The pull feed's projection: runs its own PublicationRouter over the whole log (the router must see every
 * event to know parties and consent) and stores the partner messages of events past its checkpoint. The
 * consortium-wide topic is Kafka-only. Webhook delivery reads the same stored messages, so all three transports
 * carry the same payloads in the same order.
 */
/** Stored at least this often while catching up, so a long replay does not hold the whole log's messages in memory. */
const FLUSH_EVERY_EVENTS = 500;

@Injectable()
export class PartnerFeed implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('partner-feed');
  private store!: PartnerFeedStore;
  private subscription?: Subscription;
  private checkpointAtStart = 0;
  private applied = 0;
  /** The last event routed; its messages (and those before it) wait in `pending` until the next flush. */
  private taken = 0;
  /** Messages of events taken since the last flush, and whether any of those events is past the checkpoint. */
  private pending: NewFeedMessage[] = [];
  private pendingEvents = 0;
  private flushTimer?: NodeJS.Immediate;
  /** The flush in flight: the next one starts after it, so stores happen one at a time and in order. */
  private flushing: Promise<void> = Promise.resolve();
  private failure?: Error;
  /** Saves the router's state so a restart routes only what it missed (undefined when checkpoints are off). */
  private readonly routerCheckpoints: RouterCheckpoints | undefined;
  private lastEventId: string | undefined;
  private routedFromAtStart = 0;
  private saveTimer?: NodeJS.Timeout;
  private waiters: { position: number; resolve(): void }[] = [];
  private readonly listeners: (() => void)[] = [];

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(ONEDOOR_CONFIG) private readonly config: OnedoorConfig,
    @Inject(PUBLICATION_ROUTER) private readonly router: PublicationRouter,
    private readonly vault: PersonalDataVault,
    health: HealthRegistry,
    checkpoints: CheckpointStore,
  ) {
    this.routerCheckpoints = RouterCheckpoints.of(router, readModelCheckpoints(config, checkpoints, 'partner-feed'));
    // A feed stopped on an event it could not route serves stale pages: the process is then not healthy.
    health.register('partner-feed', () =>
      this.failure ? { status: 'degraded', position: this.applied, detail: `stopped: ${this.failure.message}` } : { status: this.store ? 'ok' : 'starting', position: this.applied },
    );
  }

  async onModuleInit(): Promise<void> {
    this.store = await openPartnerFeedStore(this.config);
    this.checkpointAtStart = await this.store.checkpoint();
    const head = await this.events.headPosition();
    if (this.checkpointAtStart > head) throw new Error(`the partner feed's store is at position ${this.checkpointAtStart}, past the event log's head ${head}: it belongs to another log`);
    const routedUpTo = (await this.routerCheckpoints?.restore(this.events, this.checkpointAtStart)) ?? 0;
    this.applied = this.taken = this.routedFromAtStart = routedUpTo;
    this.subscription = this.events.subscribe(routedUpTo, (event) => this.take(event), (error) => this.fail(error));
    await this.caughtUp(head, Number.POSITIVE_INFINITY);
    this.logger.log({ msg: 'partner feed caught up', position: this.applied, resumedFrom: this.checkpointAtStart, routedFrom: routedUpTo });
    if (this.routerCheckpoints) {
      this.saveRouter();
      this.saveTimer = setInterval(() => this.saveRouter(), this.routerCheckpoints.policy.everyMs).unref();
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.saveTimer) clearInterval(this.saveTimer);
    await this.subscription?.stop();
    try {
      if (!this.failure && this.store) {
        await this.flush();
        this.saveRouter();
      }
      await this.routerCheckpoints?.settled();
    } finally {
      this.waiters.forEach((w) => w.resolve());
      await this.store?.close();
    }
  }

  /** Called after each event's messages are stored (webhook delivery wakes on it). */
  onAppended(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Where this start's routing began: its router checkpoint, or 0 when it routed the whole log. */
  get routedFrom(): number {
    return this.routedFromAtStart;
  }

  get position(): number {
    return this.applied;
  }

  /** Resolves once the feed has taken in `position`, or after `timeoutMs` (a read then answers with what it has). */
  caughtUp(position: number, timeoutMs: number): Promise<void> {
    if (this.applied >= position || this.failure) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = { position, resolve };
      this.waiters.push(waiter);
      if (Number.isFinite(timeoutMs)) setTimeout(resolve, timeoutMs).unref();
    });
  }

  /**
   * `withPersonal: false` serves another party (the consortium's manager) the partner's referral traffic only:
   * the personal fields are there under the partner's consent, not the reader's, so they and the per-person
   * topic are left out.
   */
  async page(partnerId: string, after: number, limit: number, options: { withPersonal: boolean } = { withPersonal: true }): Promise<FeedPage> {
    const head = this.applied;
    const stored = await this.store.pageOf(partnerId, after, limit);
    const items = options.withPersonal
      ? stored.map((m) => this.itemOf(m))
      : stored.filter((m) => m.topic === topics.partner(this.config.CONSORTIUM_ID, partnerId)).map((m) => this.itemOf({ ...m, personal: null }));
    // A short page means nothing more up to the head: the next page can start there.
    const next = stored.length >= limit ? stored.at(-1)!.position : Math.max(after, head);
    return { items, next, head };
  }

  /** Messages after a feed sequence number, for webhook cursors. */
  afterSeq(partnerId: string, seq: number, limit: number): Promise<StoredFeedMessage[]> {
    return this.store.afterSeq(partnerId, seq, limit);
  }

  storedMessage(seq: number): Promise<StoredFeedMessage | undefined> {
    return this.store.message(seq);
  }

  lastSeq(): Promise<number> {
    return this.store.lastSeq();
  }

  /** The body as it went to Kafka, personal fields included while the person's key lives. */
  bodyOf(message: StoredFeedMessage): Record<string, unknown> | null {
    if (message.body === null) return null;
    if (!message.personal || !message.personId) return message.body;
    const personal = this.vault.open<unknown>(message.personId, message.personal);
    return personal === ERASED ? message.body : { ...message.body, personal };
  }

  itemOf(message: StoredFeedMessage): FeedItem {
    const body = this.bodyOf(message);
    return { topic: message.topic, key: message.key, event: structuredCloudEvent(message.headers, body === null ? null : JSON.stringify(body)) };
  }

  /**
   * Routes the event now (the router must see every event, in order) and stores its messages with the next
   * flush: one transaction for all the events delivered in a turn of the event loop, not one per event.
   * The checkpoint still moves in the same transaction as the messages, and readers (the head, waiters,
   * webhook delivery) only see an event once it is stored. A full batch is awaited (the subscription waits),
   * so a long replay holds at most one batch in flight and one filling.
   */
  private take(event: RecordedEvent): Promise<void> | undefined {
    const messages = this.router.route(event);
    this.taken = event.position;
    this.lastEventId = event.id;
    if (event.position > this.checkpointAtStart) {
      for (const m of messages) if (m.partnerId !== null) this.pending.push(this.toStored(m));
      this.pendingEvents++;
    }
    if (this.pendingEvents >= FLUSH_EVERY_EVENTS) return this.flush();
    this.flushTimer ??= setImmediate(() => void this.flush());
    return undefined;
  }

  /** Stores what is pending after the flush in flight; never rejects: a failure stops the feed instead. */
  private flush(): Promise<void> {
    if (this.flushTimer) clearImmediate(this.flushTimer);
    this.flushTimer = undefined;
    const upTo = this.taken;
    const messages = this.pending;
    const stored = this.pendingEvents > 0;
    this.pending = [];
    this.pendingEvents = 0;
    this.flushing = this.flushing.then(async () => {
      if (this.failure) return;
      try {
        if (stored) await this.store.append(upTo, messages);
      } catch (error) {
        // As when a handler throws: stop here rather than skip events the feed could not store.
        const subscription = this.subscription;
        this.subscription = undefined;
        void subscription?.stop();
        this.fail(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      this.applied = Math.max(this.applied, upTo);
      const due = this.waiters.filter((w) => w.position <= this.applied);
      this.waiters = this.waiters.filter((w) => w.position > this.applied);
      due.forEach((w) => w.resolve());
      if (stored) this.listeners.forEach((listener) => listener());
      if (this.saveTimer && this.applied - this.routerCheckpoints!.savedPosition >= this.routerCheckpoints!.policy.everyEvents) this.saveRouter();
    });
    return this.flushing;
  }

  /**
   * Only when what the router has routed is all stored (applied === taken), so the checkpoint is never past the
   * feed store's; while events keep coming that waits for a flush that catches up, at the latest the one on shutdown.
   */
  private saveRouter(): void {
    if (this.failure || !this.routerCheckpoints || this.applied !== this.taken) return;
    this.routerCheckpoints.save(this.taken, this.lastEventId);
  }

  private toStored(message: OutboundMessage): NewFeedMessage {
    const { personal, ...body } = message.value === null ? { personal: undefined } : (JSON.parse(message.value.toString()) as Record<string, unknown>);
    const personId = typeof body.personId === 'string' ? body.personId : null;
    const sealed = personal !== undefined && personId ? this.vault.sealIfKept(personId, personal) ?? null : null;
    return {
      position: message.position, partnerId: message.partnerId!, topic: message.topic, key: message.key, headers: message.headers,
      body: message.value === null ? null : body, personId, personal: sealed,
    };
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.logger.error({ msg: 'partner feed stopped', error: error.message, position: this.applied });
    this.waiters.forEach((w) => w.resolve());
    this.waiters = [];
  }
}
