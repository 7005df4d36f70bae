import { DynamicModule, Module } from '@nestjs/common';
import { OnedoorConfig } from '@onedoor/platform';
import { AsyncApiModule } from './asyncapi/asyncapi.module';
import { PartnerFeedModule } from './feed/partner-feed.module';
import { RelayModule } from './relay.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/**
 * Everything partners' systems use: the pull feed, signed webhooks, the AsyncAPI document, and the Kafka relay
 * when RELAY_ENABLED. The all-in-one composes it; the relay service runs it alone (relay-service.ts).
 */
@Module({})
export class RelayServiceModule {
  static forRoot(config: OnedoorConfig): DynamicModule {
    return {
      module: RelayServiceModule,
      imports: [PartnerFeedModule, WebhooksModule, AsyncApiModule, ...(config.RELAY_ENABLED ? [RelayModule.forRoot(config)] : [])],
    };
  }
}
