import type { CliIo } from '../cli-io';
import { EventSourceOptions, UsageError, openEventSource } from '../event-source';
import { progressBar } from './progress-bar';
import { replayInto } from './replay';
import { REPLAYABLE_PROJECTIONS, replayableProjection } from './replayable-projections';

export interface ReplayOptions extends EventSourceOptions {
  projection: string;
  toPosition?: number;
}

/** `onedoor replay`: the whole history (or up to a position) into one projection, then what it holds. */
export async function replayCommand(options: ReplayOptions, io: CliIo): Promise<void> {
  const replayable = replayableProjection(options.projection);
  if (!replayable) throw new UsageError(`--projection must be one of ${REPLAYABLE_PROJECTIONS.map((p) => p.name).join(', ')}, not "${options.projection}"`);
  const log = openEventSource(options);
  try {
    const head = log.head();
    const projection = replayable.create();
    const result = replayInto(projection, log, progressBar(`replay ${replayable.name}`, io.stderr), Math.min(options.toPosition ?? head, head));
    const rate = Math.round(result.events / Math.max(result.ms / 1000, 0.001));
    io.stdout.write(`replayed ${result.events} events (to position ${result.toPosition} of ${head}) into ${replayable.name} in ${(result.ms / 1000).toFixed(2)} s: ${rate} events/s\n`);
    for (const [key, value] of Object.entries(await replayable.summarise(projection))) io.stdout.write(`  ${key}: ${value}\n`);
  } finally {
    log.close();
  }
}

export function listProjections(io: CliIo): void {
  for (const p of REPLAYABLE_PROJECTIONS) io.stdout.write(`${p.name.padEnd(24)} ${p.description}\n`);
}
