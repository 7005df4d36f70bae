import { ageOn, formatDate, formatMoment, isoDay, needLabel, plural, pounds, statusLabel, timeLeft } from './format';

const NOW = new Date('2026-03-14T09:30:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('timeLeft', () => {
  it('has nothing to say without a respond-by date, or with one it cannot read', () => {
    expect(timeLeft(undefined, NOW)).toBeUndefined();
    expect(timeLeft('', NOW)).toBeUndefined();
    expect(timeLeft('next Tuesday', NOW)).toBeUndefined();
  });

  it('counts whole days once a day or more is left, rounding down', () => {
    expect(timeLeft(at(2 * DAY + 23 * HOUR), NOW)).toEqual({ text: '2 days left', overdue: false });
    expect(timeLeft(at(DAY), NOW)).toEqual({ text: '1 day left', overdue: false });
  });

  it('counts hours under a day, and minutes under an hour', () => {
    expect(timeLeft(at(DAY - 1), NOW)).toEqual({ text: '23 hours left', overdue: false });
    expect(timeLeft(at(HOUR + 59 * MINUTE), NOW)).toEqual({ text: '1 hour left', overdue: false });
    expect(timeLeft(at(59 * MINUTE + 59_000), NOW)).toEqual({ text: '59 minutes left', overdue: false });
    expect(timeLeft(at(MINUTE), NOW)).toEqual({ text: '1 minute left', overdue: false });
  });

  it('never says "0 minutes": under a minute reads as one minute', () => {
    expect(timeLeft(at(10_000), NOW)).toEqual({ text: '1 minute left', overdue: false });
    expect(timeLeft(at(0), NOW)).toEqual({ text: '1 minute left', overdue: false });
  });

  it('says how long overdue once the date has passed', () => {
    expect(timeLeft(at(-3 * DAY - HOUR), NOW)).toEqual({ text: 'overdue by 3 days', overdue: true });
    expect(timeLeft(at(-DAY), NOW)).toEqual({ text: 'overdue by 1 day', overdue: true });
    expect(timeLeft(at(-2 * HOUR), NOW)).toEqual({ text: 'overdue by 2 hours', overdue: true });
    expect(timeLeft(at(-1), NOW)).toEqual({ text: 'overdue by 1 minute', overdue: true });
  });
});

describe('plural', () => {
  it('adds an s for every count but one', () => {
    expect(plural(1, 'day')).toBe('1 day');
    expect(plural(0, 'day')).toBe('0 days');
    expect(plural(2, 'place')).toBe('2 places');
  });
});

describe('formatDate and formatMoment', () => {
  it('writes a date the British way, on the day it names whatever the machine’s time zone', () => {
    expect(formatDate('1988-03-14')).toBe('14 Mar 1988');
    expect(formatDate('2026-01-01')).toBe('1 Jan 2026');
    expect(formatDate('2025-12-31')).toBe('31 Dec 2025');
  });

  it('reads a moment in UTC', () => {
    // 23:30 two hours behind UTC is already the next day in UTC.
    expect(formatDate('2026-03-14T23:30:00-02:00')).toBe('15 Mar 2026');
  });

  it('leaves nothing as nothing, and text it cannot read as it was', () => {
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('soon')).toBe('soon');
    expect(formatMoment(undefined)).toBe('');
    expect(formatMoment('soon')).toBe('soon');
  });

  it('writes a moment as its date and its UTC time of day', () => {
    expect(formatMoment('2026-03-14T09:30:00Z')).toBe('14 Mar 2026, 09:30');
    expect(formatMoment('2026-03-14T09:30:59.999Z')).toBe('14 Mar 2026, 09:30');
    expect(formatMoment('2026-06-01T00:05:00+01:00')).toBe('31 May 2026, 23:05');
  });

  it('isoDay is the UTC calendar day', () => {
    expect(isoDay(new Date('2026-03-14T23:59:59Z'))).toBe('2026-03-14');
    expect(isoDay(new Date('2026-03-15T00:30:00+01:00'))).toBe('2026-03-14');
  });
});

describe('pounds', () => {
  it('turns pence into pounds with two decimals and thousands separated', () => {
    expect(pounds(123456)).toBe('£1,234.56');
    expect(pounds(0)).toBe('£0.00');
    expect(pounds(5)).toBe('£0.05');
    expect(pounds(100)).toBe('£1.00');
    expect(pounds(123456789)).toBe('£1,234,567.89');
  });

  it('keeps the sign of a negative amount (a clawback) in front of the pound sign', () => {
    expect(pounds(-2500)).toBe('−£25.00');
    expect(pounds(-123456)).toBe('−£1,234.56');
  });
});

describe('statusLabel and needLabel', () => {
  it('turns a dashed code into words with a capital first letter', () => {
    expect(statusLabel('in-progress')).toBe('In progress');
    expect(statusLabel('entered-in-error')).toBe('Entered in error');
    expect(statusLabel('requested')).toBe('Requested');
    expect(needLabel('carers-support')).toBe('Carers support');
    expect(statusLabel('')).toBe('');
  });
});

describe('ageOn', () => {
  it('is a year younger the day before the birthday than on it', () => {
    expect(ageOn('1988-03-14', new Date('2026-03-13T23:59:59Z'))).toBe(37);
    expect(ageOn('1988-03-14', new Date('2026-03-14T00:00:00Z'))).toBe(38);
    expect(ageOn('1988-03-14', new Date('2026-03-15T00:00:00Z'))).toBe(38);
  });

  it('counts the month as well as the day', () => {
    expect(ageOn('1988-03-14', new Date('2026-02-28T12:00:00Z'))).toBe(37);
    expect(ageOn('1988-03-14', new Date('2026-04-01T12:00:00Z'))).toBe(38);
    expect(ageOn('1988-12-31', new Date('2026-01-01T00:00:00Z'))).toBe(37);
  });

  it('makes someone born on 29 February a year older on 1 March in other years', () => {
    expect(ageOn('2000-02-29', new Date('2025-02-28T12:00:00Z'))).toBe(24);
    expect(ageOn('2000-02-29', new Date('2025-03-01T00:00:00Z'))).toBe(25);
    expect(ageOn('2000-02-29', new Date('2024-02-29T00:00:00Z'))).toBe(24);
  });

  it('is 0 on the day of birth, and undefined for a date it cannot read', () => {
    expect(ageOn('2026-03-14', NOW)).toBe(0);
    expect(ageOn('14/03/1988', NOW)).toBeUndefined();
  });
});
