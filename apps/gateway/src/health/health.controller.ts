import { Controller, Get, HttpCode, Inject, Post, ServiceUnavailableException } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@onedoor/event-store';
import { EVENT_STORE, Public } from '@onedoor/platform';
import { ProjectionRunner } from '@onedoor/projections';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly runner: ProjectionRunner) {}

  @Get('health')
  @Public()
  @ApiOperation({ summary: 'Liveness and readiness: the event store answers and the read models keep up' })
  async health() {
    const head = await this.store.headPosition();
    const body = { status: this.runner.status === 'running' ? 'ok' : 'degraded', eventStore: { headPosition: head }, readModels: { status: this.runner.status, position: this.runner.position, lag: head - this.runner.position } };
    if (body.status !== 'ok') throw new ServiceUnavailableException({ statusCode: 503, error: 'Service Unavailable', message: 'read models are not running', details: body });
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
