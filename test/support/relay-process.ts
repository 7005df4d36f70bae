/**
 * apps/relay's standalone process (bootAlone, as apps/relay/src/main.ts runs it: over DATA_DIR, or PostgreSQL with EVENT_STORE=postgres) with the
 * stand-in router on RELAY_TEST_TOPIC, for the suites that kill -9 a relay. Every record carries a
 * `relay` header naming RELAY_TEST_NAME, so a suite can tell which process published it.
 */
import { Module } from '@nestjs/common';
import { bootAlone } from '@onedoor/platform';
import { RelayModule } from '../../apps/relay/src/relay.module';
import { RelayTestRouterModule } from './relay-test-router.module';

const topic = process.env.RELAY_TEST_TOPIC;
if (!topic) throw new Error('RELAY_TEST_TOPIC must be set');
const name = process.env.RELAY_TEST_NAME ?? String(process.pid);

@Module({})
class RelayTestProcessModule {}

bootAlone((config) => ({ module: RelayTestProcessModule, imports: [RelayModule.forRoot(config, RelayTestRouterModule.forRoot(topic, { relay: name }))] }));
