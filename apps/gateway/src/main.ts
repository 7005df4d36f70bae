import { bootAlone } from '@onedoor/platform';
import { serveConsole } from './console/serve-console';
import { GatewayModule } from './gateway.module';

/** The gateway booted alone, on the platform's embedded store; it serves the web console at `/` too. */
bootAlone((config) => GatewayModule.forRoot({ devTokens: config.AUTH_MODE === 'dev' }), (app) => serveConsole(app));
