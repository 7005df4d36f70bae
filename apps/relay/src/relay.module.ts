import { DynamicModule, Module } from '@nestjs/common';
import { OnedoorConfig } from '@onedoor/platform';
import { KafkaRelayModule } from './kafka/kafka-relay.module';

/**
 * The partner streams' transports. For now the Kafka relay; it needs PUBLICATION_ROUTER_FACTORY
 * (apps/relay/src/kafka/publication-router.token.ts) provided by the module that builds the router.
 */
@Module({})
export class RelayModule {
  static forRoot(config: OnedoorConfig): DynamicModule {
    return { module: RelayModule, imports: [KafkaRelayModule.forRoot(config)], exports: [KafkaRelayModule] };
  }
}
