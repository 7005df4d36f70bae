import { fixed, formatTable, thousands } from '../table';
import { TARGETS, atLeast, atMost } from '../targets';
import type { OutcomesBenchResult } from './outcomes-bench';

export function renderOutcomes(r: OutcomesBenchResult): string[] {
  const peak = Math.max(...r.peakRssMiB);
  return [
    `(e) Outcomes replay from ${thousands(r.events)} events (${fixed(r.fileMiB, 0)} MiB SQLite file, ${thousands(r.participants)} generated participants, ${thousands(r.attained)} milestones attained); ` +
      `raw = the store's SELECT + JSON.parse of data and metadata; replay = SqliteEventStore.readAll + OutcomesProjections, in a child process`,
    formatTable(
      ['repetition', 'raw events/s', 'replay events/s', 'ratio', 'reports ms', 'peak RSS MiB'],
      r.rawPerSec.map((raw, i) => [String(i + 1), thousands(raw), thousands(r.replayPerSec[i]), fixed(r.replayPerSec[i] / raw, 2), fixed(r.reportMs[i], 0), fixed(r.peakRssMiB[i], 0)]),
    ),
    formatTable(
      ['check', 'measured', 'target', 'verdict'],
      [
        ['replay / raw (mean rates)', fixed(r.ratio, 2), `≥ ${TARGETS.outcomesReplayToRawRatio}`, atLeast(r.ratio, TARGETS.outcomesReplayToRawRatio)],
        ['peak RSS of the replay', `${fixed(peak, 0)} MiB`, `≤ ${TARGETS.outcomesPeakRssMiB} MiB`, atMost(peak, TARGETS.outcomesPeakRssMiB)],
      ],
    ),
  ];
}
