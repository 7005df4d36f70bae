import { bootAlone } from '@onedoor/platform';
import { GatewayModule } from './gateway.module';

/** The gateway booted alone, on the platform's embedded store. */
bootAlone((config) => GatewayModule.forRoot({ devTokens: config.AUTH_MODE === 'dev' }));
