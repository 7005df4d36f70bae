import { DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { EventStore } from '@onedoor/event-store';
import { EVENT_STORE, HealthRegistry, OnedoorConfig } from '@onedoor/platform';
import { relayHealth } from './relay-health';
import { KafkaPublisher } from './kafka-publisher';
import { KafkaRelay } from './kafka-relay';
import { PUBLICATION_ROUTER_FACTORY, PublicationRouterFactory } from '@onedoor/messaging';
import { RelayHealthController } from './relay-health.controller';
import { RelayLedger } from './relay-ledger';
import { openRelayLedger } from './open-relay-ledger';

/** Starts the relay once the app is up (it then waits for the lease), stops it before the store closes. */
@Injectable()
class RelayLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(private readonly relay: KafkaRelay, private readonly ledger: RelayLedger, health: HealthRegistry) {
    // Not critical: the API works while the broker is away, and the relay catches up when it is back.
    health.register('kafka-relay', () => relayHealth(relay.lastStatus()), { critical: false });
  }
  onApplicationBootstrap(): void {
    this.relay.start();
  }
  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
    await this.ledger.close();
  }
}

/**
 * The Kafka relay over the platform's event store, its lease and checkpoint in DATA_DIR/relay.sqlite (or
 * PostgreSQL with EVENT_STORE=postgres), and
 * GET /health/relay. Needs PUBLICATION_ROUTER_FACTORY from whoever composes it.
 */
@Module({})
export class KafkaRelayModule {
  static forRoot(config: OnedoorConfig): DynamicModule {
    const instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    return {
      module: KafkaRelayModule,
      controllers: [RelayHealthController],
      providers: [
        { provide: RelayLedger, useFactory: () => openRelayLedger(config) },
        {
          provide: KafkaRelay,
          inject: [EVENT_STORE, RelayLedger, PUBLICATION_ROUTER_FACTORY],
          useFactory: (store: EventStore, ledger: RelayLedger, routers: PublicationRouterFactory) =>
            new KafkaRelay(
              store,
              ledger,
              routers,
              () => new KafkaPublisher({ brokers: config.KAFKA_BROKERS.split(','), clientId: config.KAFKA_CLIENT_ID, topicPartitions: config.KAFKA_TOPIC_PARTITIONS }),
              { instanceId, leaseTtlMs: config.RELAY_LEASE_TTL_MS, batchSize: config.RELAY_BATCH_SIZE },
            ),
        },
        RelayLifecycle,
      ],
      exports: [KafkaRelay],
    };
  }
}
