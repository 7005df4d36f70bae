/**
 * The OneDoor benchmark: `npm run bench [-- --only store|postgres-store|http|directory|outcomes|restart|gateway|relay|console] [-- --quick] [-- --cpu-prof]`.
 * Prints a table of rates, ratios against raw baselines measured in the same run, and PASS/MISS against
 * the targets in ./targets.ts; writes the numbers to bench/last-run.json. Not a test: it never fails on time.
 */
import { parseOptions, UsageError } from './cli-options';
import { CONSOLE_PLAN, QUICK_CONSOLE_PLAN, runConsoleBench } from './console/console-bench';
import { runHttpBench } from './http/http-bench';
import { DIRECTORY_PLAN, QUICK_DIRECTORY_PLAN, runDirectoryBench } from './directory/directory-bench';
import { describeMachine } from './machine';
import { BenchRun, LAST_RUN_FILE, renderReport, writeLastRun } from './report';
import { QUICK_STORE_PLAN, runStoreBench, STORE_PLAN } from './store/store-bench';
import { openPostgresSides } from './store/postgres-appends';
import { OUTCOMES_PLAN, QUICK_OUTCOMES_PLAN, runOutcomesBench } from './outcomes/outcomes-bench';
import { QUICK_RELAY_PLAN, RELAY_PLAN, runRelayBench } from './relay/relay-bench';
import { QUICK_RESTART_PLAN, RESTART_PLAN, runRestartBench } from './restart/restart-bench';
import { GATEWAY_PLAN, QUICK_GATEWAY_PLAN, runGatewayBench } from './gateway/gateway-bench';

const progress = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const run: BenchRun = { machine: describeMachine(), quick: options.quick, cpuProfile: options.cpuProfile };
  if (options.parts.includes('store')) {
    run.store = await runStoreBench(options.quick ? QUICK_STORE_PLAN : STORE_PLAN, progress);
  }
  if (options.parts.includes('postgres-store')) {
    run.postgresStore = await runStoreBench(options.quick ? QUICK_STORE_PLAN : STORE_PLAN, progress, () => openPostgresSides(), '(a-pg)');
  }
  if (options.parts.includes('http')) {
    run.http = await runHttpBench({ quick: options.quick, cpuProfile: options.cpuProfile }, progress);
  }
  if (options.parts.includes('directory')) {
    run.directory = await runDirectoryBench(options.quick ? QUICK_DIRECTORY_PLAN : DIRECTORY_PLAN, progress);
  }
  if (options.parts.includes('outcomes')) {
    run.outcomes = await runOutcomesBench(options.quick ? QUICK_OUTCOMES_PLAN : OUTCOMES_PLAN, progress);
  }
  if (options.parts.includes('restart')) {
    run.restart = await runRestartBench(options.quick ? QUICK_RESTART_PLAN : RESTART_PLAN, progress);
  }
  if (options.parts.includes('gateway')) {
    run.gateway = await runGatewayBench(options.quick ? QUICK_GATEWAY_PLAN : GATEWAY_PLAN, progress);
  }
  if (options.parts.includes('relay')) {
    run.relay = await runRelayBench(options.quick ? QUICK_RELAY_PLAN : RELAY_PLAN, progress);
  }
  if (options.parts.includes('console')) {
    run.console = await runConsoleBench(options.quick ? QUICK_CONSOLE_PLAN : CONSOLE_PLAN, progress);
  }
  console.log(renderReport(run));
  writeLastRun(run);
  console.log(`\nnumbers written to ${LAST_RUN_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? error.message : error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
