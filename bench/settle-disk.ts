import { execFileSync } from 'node:child_process';

/** Flushes every dirty page to disk (`sync`), so the next timed run starts from a quiet disk. */
export function settleDisk(): void {
  execFileSync('sync');
}
