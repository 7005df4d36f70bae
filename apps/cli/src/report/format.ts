const GBP = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2 });
const COUNT = new Intl.NumberFormat('en-GB');

/** Whole pence as pounds with pence: 123456 → £1,234.56, -500 → −£5.00 (a true minus sign, for print). */
export const pounds = (pence: number): string => (pence < 0 ? `\u2212${GBP.format(-pence / 100)}` : GBP.format(pence / 100));

export const count = (n: number): string => COUNT.format(n);

/** Days with one decimal, or an en dash when nothing has been measured. */
export const days = (n: number | undefined): string => (n === undefined ? '\u2013' : `${n.toFixed(1)} days`);

export const percent = (share: number | undefined): string => (share === undefined ? '\u2013' : `${share.toFixed(1)}%`);

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: 'UTC' });

/** An instant for people: 31 October 2026, 23:59:59 UTC. */
export const instant = (iso: string): string => `${LONG_DATE.format(new Date(iso))}, ${TIME.format(new Date(iso))} UTC`;

export const longDate = (date: string): string => LONG_DATE.format(new Date(`${date.slice(0, 10)}T00:00:00.000Z`));

/** YYYY-MM as "October 2026". */
export const monthName = (month: string): string => new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00.000Z`));
