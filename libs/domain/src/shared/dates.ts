/** Dates travel as ISO-8601 strings so events stay plain JSON. */
export function isIsoDate(value: string | undefined): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString();
}

export function isBefore(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b);
}
