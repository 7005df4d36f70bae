import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SqliteEventLogReader } from '@onedoor/event-store';
import { OutcomesProjections, ReferralBook } from '@onedoor/projections';
import type { CliIo } from '../cli-io';
import { EventSourceOptions, openEventSource } from '../event-source';
import { progressBar } from '../replay/progress-bar';
import { replayInto } from '../replay/replay';
import { keylessVault } from '../replay/replayable-projections';
import { CohortFilter, REFERRAL_COHORT_COLUMNS, referralCohort } from './referral-cohort';
import { participantCohort } from './participant-cohort';
import { ExportFormat, ExportRow, formatRows } from './table-writers';

export const COHORTS = ['referrals', 'participants'] as const;
export type Cohort = (typeof COHORTS)[number];

export interface ExportOptions extends EventSourceOptions, CohortFilter {
  cohort: Cohort;
  format: ExportFormat;
  /** A file to write; stdout when absent. */
  out?: string;
  /** Participants: their histories and milestones as of this instant (default: now). */
  asOf?: string;
}

type Table = { columns: readonly string[]; rows: ExportRow[] };

function referralTable(log: SqliteEventLogReader, options: ExportOptions, io: CliIo): Table {
  const book = new ReferralBook(keylessVault());
  replayInto(book, log, progressBar('export referrals', io.stderr));
  return { columns: REFERRAL_COHORT_COLUMNS, rows: referralCohort(book.all(), options) };
}

function participantTable(log: SqliteEventLogReader, options: ExportOptions, io: CliIo): Table {
  const asOf = options.asOf ?? new Date().toISOString();
  const outcomes = new OutcomesProjections({ asOf });
  replayInto(outcomes, log, progressBar('export participants', io.stderr));
  return participantCohort(outcomes, asOf, options.partnerId);
}

/** `onedoor export`: a cohort replayed from the log, pseudonymised with a key made for this export alone. */
export async function exportCommand(options: ExportOptions, io: CliIo): Promise<void> {
  const log = openEventSource(options);
  let body: string;
  let rows: number;
  try {
    const table = options.cohort === 'referrals' ? referralTable(log, options, io) : participantTable(log, options, io);
    rows = table.rows.length;
    body = formatRows(table.rows, table.columns, options.format);
  } finally {
    log.close();
  }
  if (options.out === undefined) {
    io.stdout.write(body);
    return;
  }
  const file = resolve(io.cwd, options.out);
  writeFileSync(file, body);
  io.stderr.write(`wrote ${rows} ${options.cohort} rows to ${file} (${options.format}; person and referral ids pseudonymised with a key used for this export only)\n`);
}
