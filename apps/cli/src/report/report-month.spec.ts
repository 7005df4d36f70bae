import { InvalidArgumentError } from 'commander';
import { monthOption, reportPeriod } from './report-month';

describe('report month', () => {
  it('accepts YYYY-MM and refuses anything else, naming --month', () => {
    expect(monthOption('2026-10')).toBe('2026-10');
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-10', '2026-10-01', 'October', '']) {
      expect(() => monthOption(bad)).toThrow(InvalidArgumentError);
      expect(() => monthOption(bad)).toThrow(/--month must be a calendar month as YYYY-MM/);
    }
  });

  it('takes an ended month at its last millisecond', () => {
    const now = Date.parse('2026-11-22T10:00:00.000Z');
    expect(reportPeriod('2026-02', now)).toEqual({ month: '2026-02', firstDay: '2026-02-01', lastDay: '2026-02-28', asOf: '2026-02-28T23:59:59.999Z', monthEnded: true, yearStartMonth: '2025-04' });
    expect(reportPeriod('2024-02', now).lastDay).toBe('2024-02-29');
    expect(reportPeriod('2026-10', now)).toMatchObject({ asOf: '2026-10-31T23:59:59.999Z', monthEnded: true, yearStartMonth: '2026-04' });
  });

  it('takes a month that has not ended (or not begun) as of now', () => {
    const now = Date.parse('2026-11-22T10:00:00.000Z');
    expect(reportPeriod('2026-11', now)).toMatchObject({ asOf: '2026-11-22T10:00:00.000Z', monthEnded: false, lastDay: '2026-11-30' });
    expect(reportPeriod('2027-03', now)).toMatchObject({ asOf: '2026-11-22T10:00:00.000Z', monthEnded: false, yearStartMonth: '2026-04' });
  });
});
