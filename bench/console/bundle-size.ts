import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(__dirname, '..', '..');
export const CONSOLE_DIR = join(ROOT, 'dist', 'console');

export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Loaded by index.html itself (its module script or a modulepreload), or fetched by the browser before the first screen was usable. */
  firstScreen: boolean;
}

export interface BundleResult {
  /** Whether this run built the console (it was missing). */
  built: boolean;
  files: BundleFile[];
  /** All JavaScript in dist/console/assets, gzipped file by file and summed. */
  totalGzipBytes: number;
  /** The JavaScript the first screen loads (index.html's scripts and modulepreloads, and any chunk the browser fetched before it was usable). */
  firstScreenGzipBytes: number;
  firstScreenBytes: number;
}

/** The console the platform serves is the built one: build it when this checkout has not. */
export function ensureConsoleBuilt(progress: (line: string) => void): boolean {
  if (existsSync(join(CONSOLE_DIR, 'index.html'))) return false;
  progress('(h) bundle: dist/console is missing; building it (npm run -s build:console)…');
  execFileSync('npm', ['run', '-s', 'build:console'], { cwd: ROOT, stdio: 'inherit' });
  return true;
}

/**
 * The console's scripts as served, each gzipped as a server would (level 6, gzip's default).
 * `loadedByBrowser`: script file names the browser fetched before the first screen was usable (from the first-interactive runs). */
export function measureBundle(built: boolean, loadedByBrowser: string[] = []): BundleResult {
  const page = readFileSync(join(CONSOLE_DIR, 'index.html'), 'utf8');
  const referenced = new Set([...page.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/?assets\/([^"]+\.js)"/g)].map((m) => m[1]).concat(loadedByBrowser));
  const files = readdirSync(join(CONSOLE_DIR, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((file) => {
      const bytes = readFileSync(join(CONSOLE_DIR, 'assets', file));
      return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 6 }).length, firstScreen: referenced.has(file) };
    });
  if (files.length === 0) throw new Error(`no JavaScript in ${join(CONSOLE_DIR, 'assets')}`);
  const first = files.filter((f) => f.firstScreen);
  if (first.length === 0) throw new Error('index.html loads none of the scripts in dist/console/assets');
  const sum = (list: BundleFile[], key: 'bytes' | 'gzipBytes') => list.reduce((a, f) => a + f[key], 0);
  return { built, files, totalGzipBytes: sum(files, 'gzipBytes'), firstScreenGzipBytes: sum(first, 'gzipBytes'), firstScreenBytes: sum(first, 'bytes') };
}
