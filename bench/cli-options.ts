export const BENCH_PARTS = ['store', 'postgres-store', 'http', 'directory', 'outcomes', 'restart', 'gateway', 'relay', 'console'] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

export interface BenchOptions {
  parts: BenchPart[];
  /** A short smoke run: fewer events, one repetition, 3 s HTTP phases. Its numbers are not for the record. */
  quick: boolean;
  /** Run the HTTP server under `node --cpu-prof` and summarise where it spent its time (slows it down). */
  cpuProfile: boolean;
}

const USAGE = `usage: npm run bench -- [--only ${BENCH_PARTS.join('|')}] [--quick] [--cpu-prof]`;

export class UsageError extends Error {}

export function parseOptions(argv: string[]): BenchOptions {
  const options: BenchOptions = { parts: [...BENCH_PARTS], quick: false, cpuProfile: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--cpu-prof') options.cpuProfile = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      if (!(BENCH_PARTS as readonly string[]).includes(value)) throw new UsageError(`--only takes ${BENCH_PARTS.join(', ')}, not ${value}\n${USAGE}`);
      options.parts = [value as BenchPart];
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new UsageError(`unknown option ${arg}\n${USAGE}`);
  }
  return options;
}
