import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@onedoor/event-store';
import { EVENT_STORE, Public } from '@onedoor/platform';
import { KafkaRelay } from './kafka-relay';

@ApiTags('health')
@Controller('health')
export class RelayHealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly relay: KafkaRelay) {}

  @Get('relay')
  @Public()
  @ApiOperation({ summary: 'The Kafka relay: leader or standby, checkpoint, lag behind the log, broker reachable' })
  async health() {
    const status = await this.relay.status();
    const head = await this.store.headPosition();
    const body = { ...status, headPosition: head, lag: head - status.checkpoint };
    // A standby is healthy; a leader is healthy while the broker acknowledges (or before its first send).
    const healthy = status.role === 'standby' || status.role === 'starting' || (status.role === 'leader' && status.brokerReachable !== false);
    if (!healthy) throw new ServiceUnavailableException({ statusCode: 503, error: 'Service Unavailable', message: `the Kafka relay is ${status.role === 'leader' ? 'not reaching the broker' : status.role}`, details: body });
    return body;
  }
}
