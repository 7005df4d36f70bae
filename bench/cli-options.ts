export type BenchPart = 'store' | 'http' | 'directory' | 'relay';

export interface BenchOptions {
  parts: BenchPart[];
  /** A short smoke run: fewer events, one repetition, 3 s HTTP phases. Its numbers are not for the record. */
  quick: boolean;
  /** Run the HTTP server under `node --cpu-prof` and summarise where it spent its time (slows it down). */
  cpuProfile: boolean;
}

const USAGE = 'usage: npm run bench -- [--only store|http|directory|relay] [--quick] [--cpu-prof]';

export class UsageError extends Error {}

export function parseOptions(argv: string[]): BenchOptions {
  const options: BenchOptions = { parts: ['store', 'http', 'directory', 'relay'], quick: false, cpuProfile: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--cpu-prof') options.cpuProfile = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      if (value !== 'store' && value !== 'http' && value !== 'directory' && value !== 'relay') throw new UsageError(`--only takes store, http, directory or relay, not ${value}\n${USAGE}`);
      options.parts = [value];
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new UsageError(`unknown option ${arg}\n${USAGE}`);
  }
  return options;
}
