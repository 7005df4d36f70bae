/**
 * apps/relay's standalone process (bootAlone over DATA_DIR, as apps/relay/src/main.ts runs it) with the
 * stand-in router on RELAY_TEST_TOPIC, for the suites that kill -9 a relay. Every record carries a
 * `relay` header naming RELAY_TEST_NAME, so a suite can tell which process published it.
 */
import { DynamicModule, Module } from '@nestjs/common';
import { bootAlone } from '@onedoor/platform';
import { PUBLICATION_ROUTER_FACTORY } from '../../apps/relay/src/kafka/publication-router.token';
import { RelayModule } from '../../apps/relay/src/relay.module';
import { RelayTestRouter } from './relay-test-router';

const topic = process.env.RELAY_TEST_TOPIC;
if (!topic) throw new Error('RELAY_TEST_TOPIC must be set');
const name = process.env.RELAY_TEST_NAME ?? String(process.pid);

@Module({})
class RelayTestRouterModule {
  static forRoot(): DynamicModule {
    return { module: RelayTestRouterModule, global: true, providers: [{ provide: PUBLICATION_ROUTER_FACTORY, useValue: () => new RelayTestRouter(topic!, { relay: name }) }], exports: [PUBLICATION_ROUTER_FACTORY] };
  }
}

bootAlone((config) => ({ module: RelayTestRouterModule, imports: [RelayTestRouterModule.forRoot(), RelayModule.forRoot(config)] }));
