import { DynamicModule, Module, Type } from '@nestjs/common';
import { MessagingModule } from '@onedoor/messaging';
import { OnedoorConfig } from '@onedoor/platform';
import { KafkaRelayModule } from './kafka/kafka-relay.module';

/**
 * The Kafka relay with the router that decides what it publishes: the partner-stream router (MessagingModule)
 * unless another module providing PUBLICATION_ROUTER_FACTORY is given (the relay's own tests use a stand-in
 * to test delivery alone). The pull feed and webhooks are their own modules.
 */
@Module({})
export class RelayModule {
  static forRoot(config: OnedoorConfig, routers: Type | DynamicModule = MessagingModule): DynamicModule {
    return { module: RelayModule, imports: [routers, KafkaRelayModule.forRoot(config)], exports: [KafkaRelayModule] };
  }
}
