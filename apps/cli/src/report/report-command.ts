import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RecordedEvent } from '@onedoor/event-store';
import { ConsortiumRoster, ContractBook, OutcomesProjections, Projection } from '@onedoor/projections';
import type { CliIo } from '../cli-io';
import { EventSourceOptions, UsageError, openEventSource } from '../event-source';
import { progressBar } from '../replay/progress-bar';
import { replayInto } from '../replay/replay';
import { reportPeriod } from './report-month';
import { steeringReport } from './steering-report';
import { steeringReportHtml } from './steering-report-html';

export interface ReportOptions extends EventSourceOptions {
  month: string;
  partnerId?: string;
  contractId?: string;
  /** Default: steering-report-<month>[-<partner>].html in the current directory. */
  out?: string;
  /** The instant "now" for a month not yet ended (tests pin it; default the wall clock). */
  now?: number;
}

/**
 * The outcomes as of the report's instant, and beside them, at the head of the log, the roster (partner
 * names) and every contract ever agreed: so a mistyped --partner or --contract is told from one that
 * simply had nothing in that month.
 */
class ReportSources implements Projection {
  readonly name = 'steering-report';
  readonly roster = new ConsortiumRoster();
  readonly allContracts = new ContractBook();
  constructor(readonly outcomes: OutcomesProjections) {}
  apply(event: RecordedEvent): void {
    this.outcomes.apply(event);
    this.roster.apply(event);
    this.allContracts.apply(event);
  }
  reset(): void {
    this.outcomes.reset();
    this.roster.reset();
    this.allContracts.reset();
  }
}

/** `onedoor report`: the monthly steering-group report as one self-contained HTML page. */
export async function reportCommand(options: ReportOptions, io: CliIo): Promise<void> {
  const period = reportPeriod(options.month, options.now ?? Date.now());
  const sources = new ReportSources(new OutcomesProjections({ asOf: period.asOf }));
  const log = openEventSource(options);
  try {
    replayInto(sources, log, progressBar(`report ${options.month}`, io.stderr));
  } finally {
    log.close();
  }
  const view = sources.outcomes.view();
  if (options.partnerId !== undefined) {
    const known = new Set([...sources.roster.partners({ includeFormer: true }).map((p) => p.partnerId), ...view.funnel().partners.map((p) => p.partnerId)]);
    if (!known.has(options.partnerId)) throw new UsageError(`--partner must be one of the consortium's partners (${[...known].sort().join(', ') || 'none yet'}), not "${options.partnerId}"`);
  }
  if (options.contractId !== undefined) {
    const known = sources.allContracts.all().map((c) => c.contractId);
    if (!known.includes(options.contractId)) throw new UsageError(`--contract must be one of the contracts agreed (${known.join(', ') || 'none yet'}), not "${options.contractId}"`);
  }
  const report = steeringReport(view, sources.roster, period, { partnerId: options.partnerId, contractId: options.contractId });
  const suffix = options.partnerId === undefined ? '' : `-${options.partnerId.replace(/[^\w.-]/g, '_')}`;
  const file = resolve(io.cwd, options.out ?? `steering-report-${options.month}${suffix}.html`);
  writeFileSync(file, steeringReportHtml(report));
  io.stderr.write(
    `wrote the ${options.month} steering report to ${file}: ${report.partners.length} partner section(s), ${report.contracts.length} contract(s) in force, numbers as of ${period.asOf}${period.monthEnded ? ' (end of month)' : ' (now: the month has not ended)'}\n`,
  );
}
