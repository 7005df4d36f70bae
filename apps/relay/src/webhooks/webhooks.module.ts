import { Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { ONEDOOR_CONFIG, OnedoorConfig } from '@onedoor/platform';
import { PartnerFeedModule } from '../feed/partner-feed.module';
import { PartnerWebhooks } from './partner-webhooks';
import { WebhookDelivery } from './webhook-delivery';
import { WebhookSecretBox } from './webhook-secret-box';
import { WebhookStore } from './webhook-store';
import { openWebhookStore } from './open-webhook-store';
import { WebhooksController } from './webhooks.controller';

class WebhookStoreShutdown implements OnModuleDestroy {
  constructor(private readonly store: WebhookStore, private readonly delivery: WebhookDelivery) {}
  async onModuleDestroy(): Promise<void> {
    await this.delivery.onModuleDestroy();
    await this.store.close();
  }
}

/** Signed webhooks for partners without Kafka, fed from the pull feed's messages. Runs on PlatformModule. */
@Module({
  imports: [PartnerFeedModule],
  controllers: [WebhooksController],
  providers: [
    { provide: WebhookStore, inject: [ONEDOOR_CONFIG], useFactory: (config: OnedoorConfig) => openWebhookStore(config) },
    { provide: WebhookSecretBox, inject: [ONEDOOR_CONFIG], useFactory: (config: OnedoorConfig) => WebhookSecretBox.fromConfig(config) },
    WebhookDelivery,
    PartnerWebhooks,
    { provide: WebhookStoreShutdown, inject: [WebhookStore, WebhookDelivery], useFactory: (s: WebhookStore, d: WebhookDelivery) => new WebhookStoreShutdown(s, d) },
  ],
})
export class WebhooksModule {}
