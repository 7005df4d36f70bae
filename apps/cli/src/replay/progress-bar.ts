import { SingleBar } from 'cli-progress';
import type { ReplayProgress } from './replay';

/**
 * The replay's progress on stderr (stdout stays for results): events done, events/s and the time left.
 * Off a terminal (CI, a pipe) it prints a line every few seconds instead of redrawing.
 */
export function progressBar(label: string, stream: NodeJS.WritableStream = process.stderr): ReplayProgress {
  const bar = new SingleBar({
    format: `${label} |{bar}| {percentage}% | {value}/{total} events | {speed} events/s | ETA {eta_formatted}`,
    stream: stream as NodeJS.WriteStream,
    noTTYOutput: true,
    notTTYSchedule: 2000,
    etaBuffer: 50,
    hideCursor: true,
  });
  let started = 0;
  const speed = (done: number) => Math.round(done / Math.max((performance.now() - started) / 1000, 0.001)).toLocaleString('en-GB');
  return {
    start: (total) => {
      started = performance.now();
      bar.start(total, 0, { speed: '0' });
    },
    update: (done) => bar.update(done, { speed: speed(done) }),
    stop: () => bar.stop(),
  };
}
