import { Command, CommanderError, Option } from 'commander';
import { CliIo } from './cli-io';
import { isoDateOption, oneOfOption, positiveIntegerOption } from './cli-options';
import { UsageError } from './event-source';
import { COHORTS, exportCommand } from './export/export-command';
import { EXPORT_FORMATS } from './export/table-writers';
import { listProjections, replayCommand } from './replay/replay-command';
import { reportCommand } from './report/report-command';
import { migrateCommand } from './migrate/migrate-command';
import { monthOption } from './report/report-month';

const sourceOptions = (command: Command) =>
  command
    .option('--data-dir <dir>', "the platform's DATA_DIR; its events.sqlite is read", process.env.DATA_DIR ?? './data')
    .option('--store <store>', 'the log to read instead: sqlite:<file>');

/** The analyst CLI. Returns the exit code: 0 done, 1 failed, 2 the command line was wrong. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = new Command('onedoor')
    .description('OneDoor analyst tools: replay history into a projection, export pseudonymised cohorts, write the steering-group report')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError();

  sourceOptions(
    program
      .command('replay')
      .description('replay the whole history (or up to a position) into a projection, with progress, and show what it holds')
      .option('--projection <name>', 'the projection to rebuild (see --list)')
      .option('--to-position <n>', 'stop after this global position', positiveIntegerOption('--to-position'))
      .option('--list', 'list the projections that can be replayed'),
  ).action(async (options) => {
    if (options.list) return listProjections(io);
    if (!options.projection) throw new UsageError('--projection is required (see onedoor replay --list)');
    await replayCommand(options, io);
  });

  sourceOptions(
    program
      .command('export')
      .description('export a cohort as CSV or NDJSON: no personal data, ids pseudonymised with a fresh key per export')
      .addOption(new Option('--cohort <cohort>', 'what each row is').argParser(oneOfOption('--cohort', COHORTS)).default('referrals'))
      .addOption(new Option('--format <format>', 'csv or ndjson').argParser(oneOfOption('--format', EXPORT_FORMATS)).default('csv'))
      .option('--from <date>', 'referrals created at or after', isoDateOption('--from'))
      .option('--to <date>', 'referrals created before', isoDateOption('--to'))
      .option('--partner <partnerId>', 'referrals this partner sent or received; participants it worked with')
      .option('--as-of <date>', 'participants: their histories and milestones as of this date or instant (default: now)', isoDateOption('--as-of'))
      .option('--out <file>', 'write here instead of stdout'),
  ).action(({ partner, ...options }) => exportCommand({ ...options, partnerId: partner }, io));

  sourceOptions(
    program
      .command('report')
      .description('the monthly steering-group report as one self-contained HTML page: delivery against target, funnel, waits, outcomes, claims')
      .requiredOption('--month <YYYY-MM>', 'the month to report; numbers as of its end, or now if it has not ended', monthOption)
      .option('--partner <partnerId>', "only this partner's section (the consortium summary stays)")
      .option('--contract <contractId>', 'only this contract (default: every contract in force in the month)')
      .option('--out <file>', 'where to write the page (default: steering-report-<month>[-<partner>].html)'),
  ).action(({ partner, contract, ...options }) => reportCommand({ ...options, partnerId: partner, contractId: contract }, io));

  program
    .command('migrate')
    .description('copy an embedded deployment (its data directory) into PostgreSQL for the distributed deployment, keeping event ids, order and versions, then verify the copy; refuses a target that is not empty')
    .requiredOption('--from <sqlite:dir>', "the embedded platform's DATA_DIR, as sqlite:<dir> (stop the platform first)")
    .requiredOption('--to <postgres-url>', 'the PostgreSQL database, as postgres://user@host:port/database')
    .option('--schema <name>', 'the schema to create there (the DATABASE_SCHEMA the services will use)', 'onedoor')
    .action((options) => migrateCommand(options, io));

  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) {
      io.stderr.write(`error: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
