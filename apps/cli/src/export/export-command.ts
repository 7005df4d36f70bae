import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ReferralBook } from '@onedoor/projections';
import type { CliIo } from '../cli-io';
import { EventSourceOptions, openEventSource } from '../event-source';
import { progressBar } from '../replay/progress-bar';
import { replayInto } from '../replay/replay';
import { keylessVault } from '../replay/replayable-projections';
import { CohortFilter, REFERRAL_COHORT_COLUMNS, referralCohort } from './referral-cohort';
import { ExportFormat, formatRows } from './table-writers';

export const COHORTS = ['referrals'] as const;
export type Cohort = (typeof COHORTS)[number];

export interface ExportOptions extends EventSourceOptions, CohortFilter {
  cohort: Cohort;
  format: ExportFormat;
  /** A file to write; stdout when absent. */
  out?: string;
}

/** `onedoor export`: a cohort replayed from the log, pseudonymised with a key made for this export alone. */
export async function exportCommand(options: ExportOptions, io: CliIo): Promise<void> {
  const log = openEventSource(options);
  let body: string;
  let rows: number;
  try {
    const book = new ReferralBook(keylessVault());
    replayInto(book, log, progressBar(`export ${options.cohort}`, io.stderr));
    const cohort = referralCohort(book.all(), options);
    rows = cohort.length;
    body = formatRows(cohort, REFERRAL_COHORT_COLUMNS, options.format);
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
