import { fork } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { rawReadAndParse } from '../directory/rebuild-bench';
import { scratchDir } from '../scratch-dir';
import { perSecond } from '../timing';
import { writeOutcomesLog } from './outcomes-log';

export interface OutcomesBenchResult {
  events: number;
  participants: number;
  fileMiB: number;
  rawPerSec: number[];
  replayPerSec: number[];
  /** Building the claims ledger, milestones and delivery report from the replayed projections, ms. */
  reportMs: number[];
  peakRssMiB: number[];
  attained: number;
  claimsPence: number;
  /** Mean replay rate ÷ mean raw rate. */
  ratio: number;
}

export const OUTCOMES_PLAN = { events: 1_000_000, repetitions: 2 };
export const QUICK_OUTCOMES_PLAN = { events: 100_000, repetitions: 1 };

interface ChildResult {
  events: number;
  replayMs: number;
  reportMs: number;
  peakRssMiB: number;
  attained: number;
  claimsPence: number;
}

function replayInChild(file: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'replay-child.ts'), [file], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`replay child exited with ${code}`))));
  });
}

/** Replay of the outcomes projections from a million-event SQLite log, against raw read-and-parse of the same rows. */
export async function runOutcomesBench(plan: typeof OUTCOMES_PLAN, progress: (line: string) => void): Promise<OutcomesBenchResult> {
  const dir = scratchDir('outcomes');
  try {
    const file = dir.file('events.sqlite');
    progress(`(e) outcomes: generating ${plan.events.toLocaleString('en-GB')} events into ${file}…`);
    const { participants } = writeOutcomesLog(file, plan.events);
    const fileMiB = statSync(file).size / 2 ** 20;
    const result: OutcomesBenchResult = { events: plan.events, participants, fileMiB, rawPerSec: [], replayPerSec: [], reportMs: [], peakRssMiB: [], attained: 0, claimsPence: 0, ratio: NaN };
    for (let rep = 0; rep < plan.repetitions; rep++) {
      progress(`(e) outcomes: repetition ${rep + 1} of ${plan.repetitions}: raw read-and-parse, then replay into the outcomes projections…`);
      const raw = rawReadAndParse(file);
      result.rawPerSec.push(perSecond(raw.events, raw.ms));
      const replayed = await replayInChild(file);
      if (replayed.events !== raw.events) throw new Error(`replay read ${replayed.events} events, raw ${raw.events}`);
      result.replayPerSec.push(perSecond(replayed.events, replayed.replayMs));
      result.reportMs.push(replayed.reportMs);
      result.peakRssMiB.push(replayed.peakRssMiB);
      result.attained = replayed.attained;
      result.claimsPence = replayed.claimsPence;
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    result.ratio = mean(result.replayPerSec) / mean(result.rawPerSec);
    return result;
  } finally {
    dir.dispose();
  }
}
