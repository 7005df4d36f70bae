import { Controller, Get, HttpCode, Inject, Post, ServiceUnavailableException } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@onedoor/event-store';
import { EVENT_STORE, HealthRegistry, Public } from '@onedoor/platform';
import { ProjectionRunner } from '@onedoor/projections';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    private readonly registry: HealthRegistry,
  ) {}

  @Get('health')
  @Public()
  @ApiOperation({ summary: 'Liveness and readiness: the event store answers, the read models keep up, and every background part (outcomes, partner feed, Kafka relay) says how it is' })
  async health() {
    const head = await this.store.headPosition();
    const { healthy, components } = this.registry.report();
    const readModelsRunning = this.runner.status === 'running';
    const body = {
      status: readModelsRunning && healthy ? 'ok' : 'degraded',
      eventStore: { headPosition: head },
      readModels: { status: this.runner.status, position: this.runner.position, lag: head - this.runner.position },
      components: Object.fromEntries(Object.entries(components).map(([name, c]) => [name, c.position === undefined ? c : { ...c, lag: head - c.position }])),
    };
    if (body.status !== 'ok') {
      const failing = [...(readModelsRunning ? [] : ['read models']), ...Object.entries(components).filter(([, c]) => c.critical && c.status === 'degraded').map(([name]) => name)];
      throw new ServiceUnavailableException({ statusCode: 503, error: 'Service Unavailable', message: `not running: ${failing.join(', ')}`, details: body });
    }
    return body;
  }
}

/** Does nothing, through the same pipeline as every call: the baseline the benchmark compares commands with. */
@ApiTags('health')
@ApiBearerAuth()
@Controller('diagnostics')
export class DiagnosticsController {
  @Post('noop')
  @HttpCode(200)
  @ApiOperation({ summary: 'No-op (authenticated), for benchmarking the request pipeline' })
  noop() {
    return {};
  }
}
