import { Global, Module, Scope } from '@nestjs/common';
import { PersonalDataVault } from '@onedoor/personal-data';
import { ONEDOOR_CONFIG, OnedoorConfig } from '@onedoor/platform';
import type { PublicationRouter } from './outbound-message';
import { PartnerStreamRouter } from './partner-stream-router';

/**
 * A fresh PublicationRouter for each class that injects it. The router remembers parties and consent, so each
 * transport (the Kafka relay, the pull feed) must feed its own instance every event once, in order.
 */
export const PUBLICATION_ROUTER = Symbol('PUBLICATION_ROUTER');
/** Makes a new router: for transports that rebuild their router (e.g. a relay taking over the lease). */
export const PUBLICATION_ROUTER_FACTORY = Symbol('PUBLICATION_ROUTER_FACTORY');
export type PublicationRouterFactory = () => PublicationRouter;

@Global()
@Module({
  providers: [
    {
      provide: PUBLICATION_ROUTER_FACTORY,
      inject: [ONEDOOR_CONFIG, PersonalDataVault],
      useFactory: (config: OnedoorConfig, vault: PersonalDataVault): PublicationRouterFactory => () => new PartnerStreamRouter({ consortiumId: config.CONSORTIUM_ID, vault }),
    },
    {
      provide: PUBLICATION_ROUTER,
      scope: Scope.TRANSIENT,
      inject: [PUBLICATION_ROUTER_FACTORY],
      useFactory: (create: PublicationRouterFactory) => create(),
    },
  ],
  exports: [PUBLICATION_ROUTER, PUBLICATION_ROUTER_FACTORY],
})
export class MessagingModule {}
