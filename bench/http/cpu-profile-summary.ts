import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { formatTable, fixed } from '../table';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
  percent: number;
  /** For the top functions: the callers on the heaviest path to it, nearest first. */
  calledFrom?: string[];
}

export interface CpuProfileSummary {
  files: string[];
  totalMs: number;
  topFunctions: SelfTime[];
  byPackage: SelfTime[];
}

const REPO_ROOT = relative('/', process.cwd());
/** How many of the top functions get their heaviest caller path, and how many named callers it shows. */
const HOT_PATHS = 5;
const PATH_FRAMES = 5;

/**
 * Self time per function and per package (node_modules package, workspace folder, node internals, GC,
 * idle), over the samples of one or more .cpuprofile files.
 */
export function summariseCpuProfiles(files: string[], top = 15): CpuProfileSummary {
  const functions = new Map<string, number>();
  /** Per function label, self time per distinct caller path. */
  const paths = new Map<string, Map<string, number>>();
  const packages = new Map<string, number>();
  let totalUs = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parentOf = new Map<number, number>();
    profile.nodes.forEach((n) => n.children?.forEach((child) => parentOf.set(child, n.id)));
    profile.samples.forEach((id, i) => {
      const us = profile.timeDeltas[i] ?? 0;
      const frame = byId.get(id)?.callFrame;
      if (!frame || insideProfilerCall(id, byId, parentOf)) return;
      totalUs += us;
      const label = functionLabel(frame);
      add(functions, label, us);
      add(packages, packageOf(owningFrame(id, byId, parentOf)), us);
      const path = callerPath(id, byId, parentOf).join(' ← ');
      add(paths.get(label) ?? paths.set(label, new Map()).get(label)!, path, us);
    });
  }
  const rank = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]): SelfTime => ({ name, ms: us / 1000, percent: (100 * us) / totalUs }));
  const topFunctions = rank(functions);
  for (const entry of topFunctions.slice(0, HOT_PATHS)) {
    const heaviest = [...(paths.get(entry.name)?.entries() ?? [])].sort((a, b) => b[1] - a[1])[0];
    if (heaviest?.[0]) entry.calledFrom = heaviest[0].split(' ← ');
  }
  return { files, totalMs: totalUs / 1000, topFunctions, byPackage: rank(packages) };
}

export function renderCpuProfileSummary(title: string, summary: CpuProfileSummary): string[] {
  const rows = (items: SelfTime[]) => items.map((t) => [t.name, fixed(t.ms, 0), `${fixed(t.percent, 1)}%`]);
  return [
    `${title}: ${fixed(summary.totalMs / 1000, 1)} s sampled, in ${summary.files.map((f) => relative(process.cwd(), f)).join(', ')}`,
    formatTable(['top self time: function', 'ms', 'share'], rows(summary.topFunctions)),
    ...summary.topFunctions
      .filter((t) => t.calledFrom)
      .map((t) => `  ${t.name}\n      ← ${t.calledFrom!.join('\n      ← ')}`),
    formatTable(['self time by package (native and node: code charged to its calling package)', 'ms', 'share'], rows(summary.byPackage.slice(0, 10))),
  ];
}

/** Samples taken while the bench server itself talks to the profiler (stopping it) are not the app's. */
function insideProfilerCall(id: number, byId: Map<number, ProfileNode>, parentOf: Map<number, number>): boolean {
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    if (byId.get(at)!.callFrame.url === 'node:inspector') return true;
  }
  return false;
}

/** The frame a sample is charged to by package: itself, or for native and node-internal code its nearest caller from a file. */
function owningFrame(id: number, byId: Map<number, ProfileNode>, parentOf: Map<number, number>): ProfileNode['callFrame'] {
  const own = byId.get(id)!.callFrame;
  if (!own.url && own.functionName.startsWith('(')) return own; // (garbage collector), (idle), (program)
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const frame = byId.get(at)!.callFrame;
    if (frame.url && !frame.url.startsWith('node:')) return frame;
  }
  return own;
}

/** The nearest named callers of a sampled node, skipping anonymous and runtime frames. */
function callerPath(id: number, byId: Map<number, ProfileNode>, parentOf: Map<number, number>): string[] {
  const path: string[] = [];
  for (let at = parentOf.get(id); at !== undefined && path.length < PATH_FRAMES; at = parentOf.get(at)) {
    const frame = byId.get(at)!.callFrame;
    if (!frame.url || !frame.functionName) continue;
    path.push(functionLabel(frame));
  }
  return path;
}

function add(map: Map<string, number>, key: string, us: number): void {
  map.set(key, (map.get(key) ?? 0) + us);
}

function functionLabel({ functionName, url, lineNumber }: ProfileNode['callFrame']): string {
  if (!url) return functionName || '(anonymous)';
  return `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`;
}

function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('node_modules/');
  if (modules >= 0) return path.slice(modules + 'node_modules/'.length);
  return path.startsWith('/') ? relative(`/${REPO_ROOT}`, path) : path;
}

function packageOf({ functionName, url }: ProfileNode['callFrame']): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = path.slice(modules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (path.startsWith('node:')) return 'node internals';
  const workspace = /\/(apps|libs)\/([^/]+)\//.exec(path);
  return workspace ? `${workspace[1]}/${workspace[2]}` : shortUrl(path);
}
