import { fixed, formatTable, thousands } from '../table';
import { TARGETS, atMost } from '../targets';
import type { ConsoleBenchResult } from './console-bench';

const kib = (bytes: number) => fixed(bytes / 1024, 1);

export function renderConsole({ bundle, seedMs, firstInteractive: fi, personSearch: ps }: ConsoleBenchResult): string[] {
  const load = (name: string, t: { median: number; max: number; runs: number[] }) => [name, fixed(t.median, 0), fixed(t.max, 0), t.runs.map((r) => fixed(r, 0)).join(' ')];
  const latency = (name: string, l: ConsoleBenchResult['personSearch']['search']) => [name, fixed(l.p50, 2), fixed(l.p95, 2), fixed(l.p99, 2), fixed(l.max, 1), thousands(l.count)];
  return [
    `(h) Console JavaScript (dist/console/assets${bundle.built ? ', built by this run' : ''}), each file gzipped at level 6`,
    formatTable(
      ['file', 'KiB', 'gzipped KiB', 'first screen'],
      bundle.files.map((f) => [f.file, kib(f.bytes), kib(f.gzipBytes), f.firstScreen ? 'yes' : 'no']),
    ),
    `    all scripts ${kib(bundle.totalGzipBytes)} KiB gzipped; the first screen loads ${kib(bundle.firstScreenBytes)} KiB (${kib(bundle.firstScreenGzipBytes)} KiB gzipped)`,
    formatTable(['check', 'measured', 'target', 'verdict'], [['first-screen JS, gzipped', `${kib(bundle.firstScreenGzipBytes)} KiB`, `≤ ${TARGETS.consoleFirstScreenJsGzipKiB} KiB`, atMost(bundle.firstScreenGzipBytes / 1024, TARGETS.consoleFirstScreenJsGzipKiB)]]),
    '',
    `(i) First screen usable: navigation (from about:blank) → the contact point's "Who is calling?" shown and its Name field taking typing,`,
    `    timed in the page (performance.now(), origin = navigation start) at the animation frame after; Debian Chromium, headless, signed in as ${fi.signInAs}`,
    `    through the demo partner picker; the all-in-one app in this process with the demo consortium and its history (seeded in ${thousands(seedMs)} ms).`,
    `    cold = browser cache emptied first; warm = scripts from cache (immutable assets), API answers fetched. Raw = a page with the same`,
    `    heading and labelled field from a bare node:http server, same browser, same timing; ${fi.runs} runs each, taking turns`,
    formatTable(['load', 'median ms', 'max ms', 'runs ms'], [load('console, cold cache', fi.consoleCold), load('raw page, cold cache', fi.rawCold), load('console, warm cache', fi.consoleWarm), load('raw page, warm cache', fi.rawWarm)]),
    `    console / raw (medians): cold ${fixed(fi.coldRatio, 1)}×, warm ${fixed(fi.warmRatio, 1)}×; scripts fetched: ${fi.scriptsLoaded.join(', ') || 'none'};`,
    `    script bytes over the wire per load: cold ${thousands(fi.scriptTransferBytes.cold)}, warm ${thousands(fi.scriptTransferBytes.warm)}; API calls before usable: ${fi.apiCallsBeforeUsable.join(', ') || 'none'}`,
    formatTable(['check', 'measured', 'target', 'verdict'], [['first interactive, cold, median', `${fixed(fi.consoleCold.median, 0)} ms (max ${fixed(fi.consoleCold.max, 0)})`, `≤ ${TARGETS.consoleFirstInteractiveMs} ms`, atMost(fi.consoleCold.median, TARGETS.consoleFirstInteractiveMs)]]),
    '',
    `(j) Person search as you type: ${thousands(ps.people)} generated people registered through the command bus (${thousands(ps.registerPerSec)}/s, ${fixed(ps.registerMs / 1000, 1)} s) on top of the demo's;`,
    `    ${ps.names} names typed letter by letter as ${ps.searchAs}, who may see ${thousands(ps.visibleToSearcher)} of them; GET /people?search=…&limit=20 one at a time over`,
    `    HTTP keep-alive (client in the same process), each taking turns with the baseline: an authenticated POST /diagnostics/noop on the same connection`,
    formatTable(['request', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'requests'], [latency('person search', ps.search), latency('no-op (baseline)', ps.noop)]),
    formatTable(['typed', 'p95 ms', 'mean hits', 'searches'], ps.byTyped.map((g) => [g.typed, fixed(g.p95, 2), fixed(g.meanHits, 1), thousands(g.count)])),
    `    search p95 / no-op p95 = ${fixed(ps.p95Ratio, 1)}×; wrong answers: ${ps.problems}${ps.problemExamples.length ? ` (${ps.problemExamples.join('; ')})` : ''}`,
    formatTable(['check', 'measured', 'target', 'verdict'], [['person search p95', `${fixed(ps.search.p95, 2)} ms`, `≤ ${TARGETS.personSearchP95Ms} ms`, atMost(ps.search.p95, TARGETS.personSearchP95Ms)]]),
  ];
}
