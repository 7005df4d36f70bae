import { bootAlone } from '@onedoor/platform';
import { RelayModule } from './relay.module';

/**
 * The relay booted alone over the same DATA_DIR as the app that writes the log. The store's subscriptions
 * poll the file for commits made by that other process. Run two for a hot standby.
 */
bootAlone((config) => RelayModule.forRoot(config));
