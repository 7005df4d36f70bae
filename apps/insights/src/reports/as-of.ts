import { registerDecorator } from 'class-validator';

const AS_OF = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Whether the value is an ISO date (YYYY-MM-DD, a real one) or an ISO date-time with its offset. */
export function isAsOf(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = AS_OF.exec(value);
  if (!match || Number.isNaN(Date.parse(value))) return false;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return day.toISOString().slice(0, 10) === value.slice(0, 10);
}

/**
 * The instant a report is asked as of. A date alone means the whole of that day (UTC): "as it stood on
 * 31 May" includes what was recorded on the 31st.
 */
export function asOfInstant(value: string): string {
  return value.length === 10 ? `${value}T23:59:59.999Z` : new Date(Date.parse(value)).toISOString();
}

export function IsAsOf() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isAsOf',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be an ISO date (YYYY-MM-DD) or date-time (e.g. 2026-05-31T17:00:00Z)` },
      validator: { validate: isAsOf },
    });
}
