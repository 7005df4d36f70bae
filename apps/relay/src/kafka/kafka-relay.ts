import { Logger } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@onedoor/event-store';
import { backoffDelay, pause } from './backoff';
import type { KafkaPublisher } from './kafka-publisher';
import type { PublicationRouterFactory } from '@onedoor/messaging';
import { RelayLedger } from './relay-ledger';
import { RelayRole, RelayStatus } from './relay-status';
import { RoutedEventBuffer } from './routed-event-buffer';

export interface KafkaRelayOptions {
  /** Names this instance in the lease, the logs and the health answer. */
  instanceId: string;
  leaseTtlMs: number;
  /** Most messages in one acknowledged batch. */
  batchSize: number;
  /** Events routed ahead of the broker's acknowledgement before the store subscription pauses. */
  bufferedEvents?: number;
}

/** Events routed between two yields to the event loop, so a long replay never starves the lease heartbeat. */
const ROUTE_SLICE = 500;

/**
 * Publishes what the PublicationRouter makes of every committed event to Kafka, at least once, in log order.
 *
 * Only the holder of the lease in the RelayLedger publishes; other instances are hot standbys that poll for
 * it. A leader subscribes to the global log from position 1, feeding every event to a fresh router (it is
 * stateful) but buffering only the messages of events after the checkpoint. Batches go to the broker one at
 * a time; the checkpoint moves to a batch's last position only after the broker acknowledged all of it, and
 * only while the lease is still held. A failed batch is sent again, whole, with backoff, forever: events
 * are never skipped and the checkpoint never passes an unacknowledged one. So after a crash the next leader
 * resends at most the batches that were in flight or buffered: those are the only duplicates.
 */
export class KafkaRelay {
  private readonly logger = new Logger('relay');
  private readonly stopController = new AbortController();
  private running: Promise<void> | undefined;
  private term: AbortController | undefined;
  private role: RelayRole = 'starting';
  private brokerReachable: boolean | null = null;
  private lastAcknowledgedAt: number | null = null;
  private failure: Error | undefined;
  private readonly checkpointListeners = new Set<() => void>();
  /** What the ledger said last, for the synchronous health check (GET /health/relay reads it afresh). */
  private known: { leaseHolder: string | null; checkpoint: number } = { leaseHolder: null, checkpoint: 0 };

  constructor(
    private readonly store: EventStore,
    private readonly ledger: RelayLedger,
    private readonly newRouter: PublicationRouterFactory,
    private readonly newPublisher: () => KafkaPublisher,
    private readonly options: KafkaRelayOptions,
  ) {}

  start(): void {
    this.running ??= this.standBy();
  }

  /** Stops publishing (finishing the batch in flight) and gives the lease up so a standby takes over at once. */
  async stop(): Promise<void> {
    this.stopController.abort();
    this.term?.abort();
    await this.running;
  }

  /** The status with the lease holder and checkpoint read from the ledger now. */
  async status(): Promise<RelayStatus> {
    const [leaseHolder, checkpoint] = await Promise.all([this.ledger.holder(Date.now()), this.ledger.checkpoint()]);
    // The checkpoint never moves back: a read that resolves after a later advance must not undo it here.
    this.known = { leaseHolder: leaseHolder ?? null, checkpoint: Math.max(checkpoint, this.known.checkpoint) };
    return this.lastStatus();
  }

  /** The status with the lease holder and checkpoint as last read (at most a lease poll old). */
  lastStatus(): RelayStatus {
    return {
      instanceId: this.options.instanceId,
      role: this.role,
      ...this.known,
      brokerReachable: this.brokerReachable,
      lastAcknowledgedAt: this.lastAcknowledgedAt === null ? null : new Date(this.lastAcknowledgedAt).toISOString(),
      failure: this.failure?.message ?? null,
    };
  }

  /** Settles once the checkpoint reached `position` (for tests and the benchmark). */
  async waitForCheckpoint(position: number): Promise<void> {
    while ((await this.ledger.checkpoint()) < position) {
      await new Promise<void>((resolve) => {
        const listener = () => {
          this.checkpointListeners.delete(listener);
          resolve();
        };
        this.checkpointListeners.add(listener);
        // Another instance may be the one moving it: look again now and then.
        setTimeout(listener, 100).unref();
      });
    }
  }

  private get stopping(): boolean {
    return this.stopController.signal.aborted;
  }

  private async standBy(): Promise<void> {
    const { instanceId, leaseTtlMs } = this.options;
    this.logger.log({ msg: 'relay starting', instanceId });
    while (!this.stopping) {
      let leading = false;
      let checkpoint = 0;
      try {
        const acquired = await this.ledger.tryAcquire(instanceId, Date.now(), leaseTtlMs);
        // Read after taking the lease, it is where this term starts: no one else can move it now.
        if (acquired) checkpoint = await this.ledger.checkpoint();
        await this.status();
        leading = acquired;
      } catch (error) {
        this.logger.warn({ msg: 'could not read the relay lease; trying again', instanceId, error: (error as Error).message });
      }
      if (!leading) {
        if (this.role !== 'standby') this.logger.log({ msg: 'relay on standby: another instance holds the lease', instanceId });
        this.role = 'standby';
        await pause(leaseTtlMs / 4, this.stopController.signal);
        continue;
      }
      try {
        await this.lead(checkpoint);
      } catch (error) {
        this.failure = error as Error;
        this.role = 'failed';
        await this.ledger.release(instanceId).catch(() => undefined);
        this.logger.error({ msg: 'relay stopped: routing or reading the log failed; no event was skipped', instanceId, checkpoint: this.known.checkpoint, error: this.failure.message });
        return;
      }
    }
    this.role = 'stopped';
    this.logger.log({ msg: 'relay stopped', instanceId, checkpoint: this.known.checkpoint });
  }

  /** One leadership term from `checkpoint`: ends when the lease is lost, the relay stops, or routing/reading the log fails (rethrown). */
  private async lead(checkpoint: number): Promise<void> {
    const { instanceId, leaseTtlMs } = this.options;
    const term = (this.term = new AbortController());
    this.role = 'leader';
    this.logger.log({ msg: 'relay leading: publishing after the checkpoint', instanceId, checkpoint });
    const router = this.newRouter();

    let renewing = false;
    const heartbeat = setInterval(async () => {
      // A renewal still waiting on the store is not doubled; the next beat comes soon enough.
      if (renewing) return;
      renewing = true;
      try {
        if (await this.ledger.renew(instanceId, Date.now(), leaseTtlMs)) return;
        this.logger.warn({ msg: 'relay lost its lease; standing down', instanceId });
        term.abort();
      } catch (error) {
        // Busy file or a dropped connection: the next beat tries again; the fenced checkpoint keeps a stale leader harmless.
        this.logger.warn({ msg: 'could not renew the relay lease', instanceId, error: (error as Error).message });
      } finally {
        renewing = false;
      }
    }, leaseTtlMs / 3);

    const buffer = new RoutedEventBuffer(this.options.bufferedEvents ?? this.options.batchSize * 10);
    let routed = 0;
    let subscriptionFailure: Error | undefined;
    const subscription = this.store.subscribe(
      0,
      async (event: RecordedEvent) => {
        const messages = router.route(event);
        if (++routed % ROUTE_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
        if (event.position <= checkpoint) return;
        await buffer.push({ position: event.position, messages });
      },
      (error) => {
        subscriptionFailure = error;
        term.abort();
      },
    );

    try {
      await this.publish(buffer, term.signal);
    } finally {
      clearInterval(heartbeat);
      buffer.close();
      await subscription.stop();
      this.term = undefined;
      if (this.stopping || subscriptionFailure) await this.ledger.release(instanceId).catch(() => undefined);
    }
    if (subscriptionFailure) throw subscriptionFailure;
  }

  /** Sends the buffer's batches in order until the term ends, moving the checkpoint after each acknowledgement. */
  private async publish(buffer: RoutedEventBuffer, signal: AbortSignal): Promise<void> {
    const { instanceId, batchSize } = this.options;
    let publisher = this.newPublisher();
    try {
      while (!signal.aborted) {
        await buffer.whenNotEmpty(signal);
        if (signal.aborted) return;
        const batch = buffer.take(batchSize);
        const last = batch[batch.length - 1].position;
        const messages = batch.flatMap((entry) => entry.messages);
        for (let attempt = 1; ; attempt++) {
          try {
            await publisher.publish(messages);
            if (attempt > 1) this.logger.log({ msg: 'broker reachable again; batch delivered', instanceId, attempts: attempt, lastPosition: last });
            break;
          } catch (error) {
            if (attempt === 1) this.logger.warn({ msg: 'broker did not acknowledge a batch; retrying with backoff until it does', instanceId, firstPosition: batch[0].position, error: (error as Error).message });
            this.brokerReachable = false;
            await publisher.disconnect();
            publisher = this.newPublisher();
            await pause(backoffDelay(attempt), signal);
            if (signal.aborted) return;
          }
        }
        this.brokerReachable = true;
        this.lastAcknowledgedAt = Date.now();
        const advanced = await this.ledger.advance(instanceId, last, Date.now()).catch((error: Error) => {
          // Unknown whether it was written: end the term; the next one starts from what the ledger says.
          this.logger.warn({ msg: 'could not move the checkpoint; starting the term again', instanceId, lastPosition: last, error: error.message });
          return undefined;
        });
        if (advanced === undefined) return;
        if (!advanced) {
          this.logger.warn({ msg: 'relay lost its lease before moving the checkpoint; standing down', instanceId, lastPosition: last });
          return;
        }
        this.known = { leaseHolder: instanceId, checkpoint: last };
        this.checkpointListeners.forEach((listener) => listener());
      }
    } finally {
      await publisher.disconnect();
    }
  }
}
