import { bootAlone } from '@onedoor/platform';
import { RelayServiceModule } from './relay-service.module';

/**
 * The relay service of the separate-services deployment: pull feed, webhooks, AsyncAPI, and the Kafka relay when
 * RELAY_ENABLED. Run one: the pull feed and webhook stores are files in DATA_DIR that one process writes.
 * (main.ts is the Kafka relay alone, the companion of the all-in-one app, which serves the feed itself.)
 */
bootAlone((config) => RelayServiceModule.forRoot(config));
