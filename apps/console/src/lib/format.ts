/** Formatting for staff: British dates, time left to respond, money in pounds. Pure, so it is unit-tested. */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** "2 days left", "5 hours left", "overdue by 3 days"; undefined when there is no respond-by date. */
export function timeLeft(respondBy: string | undefined, now: Date): { text: string; overdue: boolean } | undefined {
  if (!respondBy) return undefined;
  const ms = Date.parse(respondBy) - now.getTime();
  if (Number.isNaN(ms)) return undefined;
  const span = Math.abs(ms);
  const amount = span >= DAY_MS ? plural(Math.floor(span / DAY_MS), 'day') : span >= HOUR_MS ? plural(Math.floor(span / HOUR_MS), 'hour') : plural(Math.max(1, Math.floor(span / 60_000)), 'minute');
  return ms >= 0 ? { text: `${amount} left`, overdue: false } : { text: `overdue by ${amount}`, overdue: true };
}

export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** 14 Mar 1988 (dates) */
export function formatDate(isoDate: string | undefined): string {
  if (!isoDate) return '';
  const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** 14 Mar 2026, 09:30 (moments, UTC so every screen and test agrees) */
export function formatMoment(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formatDate(iso)}, ${date.toISOString().slice(11, 16)}`;
}

/** 123456 → "£1,234.56"; negative amounts keep their sign. */
export function pounds(pence: number): string {
  const sign = pence < 0 ? '−' : '';
  return `${sign}£${(Math.abs(pence) / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** "in-progress" → "In progress" */
export function statusLabel(status: string): string {
  const text = status.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "carers-support" → "Carers support" */
export const needLabel = statusLabel;

/** Age in whole years on a date. */
export function ageOn(dateOfBirth: string, on: Date): number | undefined {
  const birth = new Date(`${dateOfBirth}T00:00:00Z`);
  if (Number.isNaN(birth.getTime())) return undefined;
  let age = on.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday = on.getUTCMonth() < birth.getUTCMonth() || (on.getUTCMonth() === birth.getUTCMonth() && on.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

/** YYYY-MM-DD of a date in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
