import { days, instant, monthName, percent, pounds } from './format';

describe('report formats', () => {
  it('shows pence as pounds with pence, thousands separated, negatives with a minus sign', () => {
    expect(pounds(123456)).toBe('£1,234.56');
    expect(pounds(5)).toBe('£0.05');
    expect(pounds(0)).toBe('£0.00');
    expect(pounds(-50000)).toBe('\u2212£500.00');
  });

  it('shows days, percentages and instants, with a dash for what was not measured', () => {
    expect(days(2.5)).toBe('2.5 days');
    expect(days(undefined)).toBe('\u2013');
    expect(percent(12.34)).toBe('12.3%');
    expect(instant('2026-10-31T23:59:59.999Z')).toBe('31 October 2026, 23:59:59 UTC');
    expect(monthName('2026-02')).toBe('February 2026');
  });
});
