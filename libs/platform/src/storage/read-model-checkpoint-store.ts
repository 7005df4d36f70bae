import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { CheckpointStore, PostgresCheckpointStore, ReadModelCheckpoints, SqliteCheckpointStore } from '@onedoor/projections';
import type { OnedoorConfig } from '../config/onedoor-config';
import { postgresPoolSettings } from './postgres-connection';

/** Where the read models' checkpoints live: beside the event log, in its file system or its database. */
export async function checkpointStoreFor(config: OnedoorConfig): Promise<CheckpointStore> {
  if (config.EVENT_STORE === 'postgres') return PostgresCheckpointStore.open({ pool: { ...postgresPoolSettings(config.DATABASE_URL!), max: 2 }, schema: config.DATABASE_SCHEMA });
  return new SqliteCheckpointStore(join(config.DATA_DIR, 'read-models.sqlite'));
}

/**
 * One runner's checkpoints as the configuration asks (undefined when READ_MODEL_CHECKPOINTS is off), logging
 * whether a start restored or rebuilt, and why.
 */
export function readModelCheckpoints(config: OnedoorConfig, store: CheckpointStore, runner: string): ReadModelCheckpoints | undefined {
  if (!config.READ_MODEL_CHECKPOINTS) return undefined;
  const logger = new Logger('read-models');
  return new ReadModelCheckpoints(
    store,
    runner,
    { everyEvents: config.READ_MODEL_CHECKPOINT_EVERY_EVENTS, everyMs: config.READ_MODEL_CHECKPOINT_EVERY_MS },
    { log: (msg, fields) => logger.log({ msg, ...fields }), warn: (msg, fields) => logger.warn({ msg, ...fields }) },
  );
}

/**
 * Closes the checkpoint store only once every module's runner has stopped (and saved) in onModuleDestroy:
 * application shutdown hooks run after all of those.
 */
@Injectable()
export class CheckpointStoreShutdown implements OnApplicationShutdown {
  constructor(private readonly store: CheckpointStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
