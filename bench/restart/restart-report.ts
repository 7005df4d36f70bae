import { fixed, formatTable, thousands } from '../table';
import { TARGETS } from '../targets';
import type { RestartBenchResult } from './restart-bench';
import type { StartTiming } from './serving-probe';

const seconds = (ms: number) => fixed(ms / 1000, 1);

export function renderRestart(r: RestartBenchResult): string[] {
  const row = (name: string, t: StartTiming) => [
    name,
    thousands(t.headPosition),
    seconds(t.loadedMs),
    seconds(t.initialisedMs - t.loadedMs),
    seconds(t.listeningMs),
    seconds(t.servingMs),
    fixed(t.peakRssMiB, 0),
  ];
  const meanRawMs = r.rawMs.reduce((a, b) => a + b, 0) / r.rawMs.length;
  return [
    `(k) Restart of the all-in-one app (embedded SQLite) with ${thousands(r.events)} generated events behind the demo consortium (${fixed(r.fileMiB, 0)} MiB events.sqlite);`,
    `    timed from spawning the process (ts-node, as the HTTP part runs it) until /health is at the log's head and GET /consortium has answered;`,
    `    "code loaded" and "init" are the child's own clock (init = Nest's init, which awaits every read model's, the outcomes' and the partner feed's catch-up)`,
    formatTable(
      ['start', 'events', 'code loaded s', 'init s', 'listening s', 'serving s', 'peak RSS MiB'],
      [row('demo log only (restart)', r.demoOnly), row('first start on the big log', r.firstStart), row('restart on the big log', r.restart)],
    ),
    `    raw = better-sqlite3 SELECT + JSON.parse of every row of the same file: ${r.rawMs.map((ms) => seconds(ms)).join(' and ')} s (${thousands(r.rawPerSec)} events/s);` +
      ` restart to serving = ${fixed(r.restartToRaw, 1)} × raw; restart minus the demo-only restart = ${seconds(r.restart.servingMs - r.demoOnly.servingMs)} s (${fixed((r.restart.servingMs - r.demoOnly.servingMs) / meanRawMs, 1)} × raw)`,
    `    every read model is rebuilt from position 0 at each start today (no checkpoints yet): this is the full replay the target compares with`,
    formatTable(['check', 'measured', 'target', 'verdict'], [['restart to serving', `${seconds(r.restart.servingMs)} s`, `≤ ${seconds(TARGETS.restartServingMs)} s`, r.verdict]]),
  ];
}
