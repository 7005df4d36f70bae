import { InvalidArgumentError } from 'commander';

/** The month a report covers, and the instant its numbers are taken at. */
export interface ReportPeriod {
  month: string;
  /** First day of the month, YYYY-MM-DD. */
  firstDay: string;
  /** Last day of the month, YYYY-MM-DD. */
  lastDay: string;
  /** The last millisecond of the month, or now when the month has not ended. */
  asOf: string;
  /** False: the month is still running (or not begun) and the numbers are as of now. */
  monthEnded: boolean;
  /** The UK financial year the month falls in starts here (1 April): claims "year to date" count from it. */
  yearStartMonth: string;
}

/** `--month`: a real calendar month as YYYY-MM. */
export function monthOption(value: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) throw new InvalidArgumentError(`--month must be a calendar month as YYYY-MM (e.g. 2026-10), not "${value}"`);
  return value;
}

export function reportPeriod(month: string, now: number): ReportPeriod {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7)) - 1;
  const nextMonth = Date.UTC(year, index + 1, 1);
  const monthEnded = nextMonth <= now;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const yearStart = index >= 3 ? year : year - 1;
  return {
    month,
    firstDay: `${month}-01`,
    lastDay: day(nextMonth - 1),
    asOf: new Date(monthEnded ? nextMonth - 1 : now).toISOString(),
    monthEnded,
    yearStartMonth: `${yearStart}-04`,
  };
}
