import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { EventStore } from '@onedoor/event-store';
import { EVENT_STORE, HealthRegistry, ONEDOOR_CONFIG, OnedoorConfig, readModelCheckpoints, runnerHealth } from '@onedoor/platform';
import { CheckpointStore, OutcomesProjections, ProjectionRunner, RunnerResume } from '@onedoor/projections';

/**
 * The live outcomes read models, kept current by their own projection runner, with its own checkpoint
 * (`outcomes`): a start restores it and reads only what it missed, or rebuilds from the log. Reads wait until
 * the runner has reached the log's head, so a report asked right after a write includes it.
 */
@Injectable()
export class LiveOutcomes implements OnModuleInit, OnModuleDestroy {
  readonly projections = new OutcomesProjections();
  private readonly runner: ProjectionRunner;
  private readonly logger = new Logger('insights');
  private stopping = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ONEDOOR_CONFIG) config: OnedoorConfig,
    checkpoints: CheckpointStore,
    health: HealthRegistry,
  ) {
    this.runner = new ProjectionRunner(store, [this.projections], {
      checkpoints: readModelCheckpoints(config, checkpoints, 'outcomes'),
      onError: (error) => {
        if (!this.stopping) this.logger.error({ msg: 'outcomes projections stopped', error: error.message });
      },
    });
    health.register('outcomes', () => runnerHealth(this.runner));
  }

  async onModuleInit(): Promise<void> {
    await this.runner.resume();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.runner.stop();
  }

  /** How the outcomes runner started: restored from its checkpoint or rebuilt. */
  get started(): RunnerResume | undefined {
    return this.runner.lastResume;
  }

  /** The projections, caught up to at least `position` (default: the head now). */
  async current(position?: number): Promise<OutcomesProjections> {
    await this.runner.waitFor(position ?? (await this.store.headPosition()));
    return this.projections;
  }
}
