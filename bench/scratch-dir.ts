import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh directory under the OS temp dir, removed by `dispose`. Every measured database lives in one of
 * these, so the store and the raw baseline always write to the same file system.
 */
export interface ScratchDir {
  path: string;
  file(name: string): string;
  dispose(): void;
}

export function scratchDir(prefix: string): ScratchDir {
  const path = mkdtempSync(join(tmpdir(), `onedoor-bench-${prefix}-`));
  return {
    path,
    file: (name) => join(path, name),
    dispose: () => rmSync(path, { recursive: true, force: true }),
  };
}
