import { bootAlone, gatewayTargets, ServiceName } from '@onedoor/platform';
import { serveConsole } from './console/serve-console';
import { GatewayModule } from './gateway.module';
import { routeToServices } from './routing/service-proxy';

/**
 * The gateway service: public HTTP for the separate-services deployment. It answers tokens, sign-in options,
 * worklists, timelines, the live stream, health and the web console itself, over the shared store, and passes
 * every other route to the referrals, directory, insights or relay service (REFERRALS_URL, DIRECTORY_URL,
 * INSIGHTS_URL, RELAY_URL, all required).
 */
let targets: Record<ServiceName, string[]>;
let timeoutMs: number;
bootAlone(
  (config) => {
    // Checked before anything boots, so a missing URL stops the start with the setting's name.
    targets = gatewayTargets(config);
    timeoutMs = config.GATEWAY_TIMEOUT_MS;
    return GatewayModule.forRoot({ devTokens: config.AUTH_MODE === 'dev' });
  },
  async (app) => {
    await routeToServices(app, targets, { timeoutMs });
    await serveConsole(app);
  },
);
