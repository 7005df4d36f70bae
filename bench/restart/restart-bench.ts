import { statSync } from 'node:fs';
import { rawReadAndParse } from '../directory/rebuild-bench';
import { ServerProcess } from '../http/server-process';
import { writeOutcomesLog } from '../outcomes/outcomes-log';
import { scratchDir } from '../scratch-dir';
import { atMost, TARGETS, Verdict } from '../targets';
import { perSecond } from '../timing';
import { StartTiming, startUntilServing } from './serving-probe';

export interface RestartPlan {
  /** Generated events appended behind the demo consortium's log. */
  events: number;
}

export const RESTART_PLAN: RestartPlan = { events: 1_000_000 };
export const QUICK_RESTART_PLAN: RestartPlan = { events: 100_000 };

export interface RestartBenchResult {
  events: number;
  fileMiB: number;
  /** Restart on the demo's log alone: the fixed cost of starting the process and its modules. */
  demoOnly: StartTiming;
  /** First start after the events were appended: every store (feed, outcomes, read models) catches up from scratch. */
  firstStart: StartTiming;
  /** Restart on the same data directory, every store's files in place: what the target is about. */
  restart: StartTiming;
  /** Raw better-sqlite3 SELECT + JSON.parse of every row of the same file, before and after the restart, ms. */
  rawMs: number[];
  rawPerSec: number;
  /** Restart's time to serving ÷ the mean raw read-and-parse time. */
  restartToRaw: number;
  verdict: Verdict;
}

/**
 * Restart of the all-in-one app (embedded SQLite) with a big log: the demo consortium seeded through the
 * app's own commands, then `plan.events` generated payment-by-results events (the outcomes benchmark's
 * generator) appended to its events.sqlite; started once so every store has caught up and written its
 * files, stopped, and started again. Each start is timed from spawning the process until /health is at
 * the log's head and a read has answered. The app runs in its own process, as serve.ts runs it for (b).
 */
export async function runRestartBench(plan: RestartPlan, progress: (line: string) => void): Promise<RestartBenchResult> {
  const dir = scratchDir('restart');
  try {
    progress('(k) restart: seeding the demo consortium through a first start on an empty data directory…');
    await stopped(ServerProcess.start(dir.path));
    const demoOnly = await timedStart(dir.path, progress, 'demo log only');

    progress(`(k) restart: appending ${plan.events.toLocaleString('en-GB')} generated events to events.sqlite…`);
    const file = dir.file('events.sqlite');
    writeOutcomesLog(file, plan.events);
    const fileMiB = statSync(file).size / 2 ** 20;
    const firstStart = await timedStart(dir.path, progress, 'first start on the big log');

    const raws = [rawReadAndParse(file)];
    const restart = await timedStart(dir.path, progress, 'restart');
    raws.push(rawReadAndParse(file));
    if (raws.some((raw) => raw.events !== restart.headPosition)) throw new Error(`raw read ${raws.map((r) => r.events).join('/')} events, the app's head is ${restart.headPosition}`);
    const rawMs = raws.map((raw) => raw.ms);

    const meanRawMs = rawMs.reduce((a, b) => a + b, 0) / rawMs.length;
    return {
      events: plan.events,
      fileMiB,
      demoOnly,
      firstStart,
      restart,
      rawMs,
      rawPerSec: perSecond(restart.headPosition, meanRawMs),
      restartToRaw: restart.servingMs / meanRawMs,
      verdict: atMost(restart.servingMs, TARGETS.restartServingMs),
    };
  } finally {
    dir.dispose();
  }
}

async function timedStart(dataDir: string, progress: (line: string) => void, what: string): Promise<StartTiming> {
  const { server, timing } = await startUntilServing(dataDir);
  await server.stop();
  progress(`(k) restart: ${what}: serving after ${(timing.servingMs / 1000).toFixed(1)} s at position ${timing.headPosition.toLocaleString('en-GB')}, peak RSS ${timing.peakRssMiB.toFixed(0)} MiB`);
  return timing;
}

async function stopped(starting: Promise<ServerProcess>): Promise<void> {
  await (await starting).stop();
}
