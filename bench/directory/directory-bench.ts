import { RebuildBenchResult, runRebuildBench } from './rebuild-bench';
import { SearchBenchResult, runSearchBench } from './search-bench';

export interface DirectoryBenchResult {
  search: SearchBenchResult;
  rebuild: RebuildBenchResult;
}

export const DIRECTORY_PLAN = { services: 10_000, referrals: 50_000, queries: 4_000, redisQueries: 800, events: 1_000_000, repetitions: 2 };
export const QUICK_DIRECTORY_PLAN = { services: 2_000, referrals: 5_000, queries: 500, redisQueries: 100, events: 100_000, repetitions: 1 };

/** (c) staff search latency at 10,000 services and 50,000 referrals; (d) directory rebuild from 1,000,000 events against raw read-and-parse. */
export async function runDirectoryBench(plan: typeof DIRECTORY_PLAN, progress: (line: string) => void): Promise<DirectoryBenchResult> {
  const search = await runSearchBench(plan, progress);
  const rebuild = await runRebuildBench(plan, progress);
  return { search, rebuild };
}
