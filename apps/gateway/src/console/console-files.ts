import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where the built web console is: `dist/console`, found from this file whether it runs from the sources
 * (ts-node, tests) or from the build (`dist/apps/...`).
 */
export function consoleDirectory(): string | undefined {
  const up = resolve(__dirname, '..', '..', '..', '..');
  return [join(up, 'dist', 'console'), join(up, 'console')].find((dir) => existsSync(join(dir, 'index.html')));
}
