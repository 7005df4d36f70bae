import { formatRows } from './table-writers';

describe('export formats', () => {
  const rows = [
    { person: 'p-1', needs: 'debt;housing', note: 'says "hi", then\nleaves', done: true, closedOn: null },
    { person: 'p-2', needs: 'employment', note: 'plain', done: false, closedOn: '2026-10-01' },
  ];
  const columns = ['person', 'needs', 'note', 'done', 'closedOn'];

  it('writes CSV with a header, quoting commas, quotes and line breaks, and empty cells for nulls', () => {
    expect(formatRows(rows, columns, 'csv')).toBe(
      'person,needs,note,done,closedOn\r\np-1,debt;housing,"says ""hi"", then\nleaves",true,\r\np-2,employment,plain,false,2026-10-01\r\n',
    );
  });

  it('writes an empty cohort as a header alone (CSV) or nothing (NDJSON)', () => {
    expect(formatRows([], columns, 'csv')).toBe('person,needs,note,done,closedOn\r\n');
    expect(formatRows([], columns, 'ndjson')).toBe('');
  });

  it('writes NDJSON one object per line that parses back to the row', () => {
    const lines = formatRows(rows, columns, 'ndjson').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual(rows);
  });
});
