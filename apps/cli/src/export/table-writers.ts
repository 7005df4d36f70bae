/** One row of an export: plain values only, never personal data. */
export type ExportRow = Record<string, string | number | boolean | null>;

export type ExportFormat = 'csv' | 'ndjson';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'ndjson'];

/** RFC 4180: quote a field holding a comma, quote or line break, doubling its quotes. */
function csvField(value: ExportRow[string]): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as a file body; CSV takes its header from `columns` so an empty cohort still has one. */
export function formatRows(rows: ExportRow[], columns: readonly string[], format: ExportFormat): string {
  if (format === 'ndjson') return rows.map((row) => JSON.stringify(row)).join('\n') + (rows.length ? '\n' : '');
  const lines = [columns.map((c) => csvField(c)).join(','), ...rows.map((row) => columns.map((c) => csvField(row[c] ?? null)).join(','))];
  return lines.join('\r\n') + '\r\n';
}
