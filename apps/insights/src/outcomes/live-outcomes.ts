import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { EventStore } from '@onedoor/event-store';
import { EVENT_STORE, HealthRegistry, runnerHealth } from '@onedoor/platform';
import { OutcomesProjections, ProjectionRunner } from '@onedoor/projections';

/**
 * The live outcomes read models, kept current by their own projection runner (rebuilt from the log at
 * start, like every in-process read model). Reads wait until the runner has reached the log's head, so a
 * report asked right after a write includes it.
 */
@Injectable()
export class LiveOutcomes implements OnModuleInit, OnModuleDestroy {
  readonly projections = new OutcomesProjections();
  private readonly runner: ProjectionRunner;
  private readonly logger = new Logger('insights');
  private stopping = false;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, health: HealthRegistry) {
    this.runner = new ProjectionRunner(store, [this.projections], {
      onError: (error) => {
        if (!this.stopping) this.logger.error({ msg: 'outcomes projections stopped', error: error.message });
      },
    });
    health.register('outcomes', () => runnerHealth(this.runner));
  }

  async onModuleInit(): Promise<void> {
    this.runner.start(0);
    await this.runner.waitFor(await this.store.headPosition());
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.runner.stop();
  }

  /** The projections, caught up to at least `position` (default: the head now). */
  async current(position?: number): Promise<OutcomesProjections> {
    await this.runner.waitFor(position ?? (await this.store.headPosition()));
    return this.projections;
  }
}
