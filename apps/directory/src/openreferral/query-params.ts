import { CENTROID_AREAS, districtCentroid, parsePostcode } from '@onedoor/projections';
import { Transform } from 'class-transformer';
import { ValidationOptions, registerDecorator } from 'class-validator';

/** A query string that is a whole number becomes one; anything else stays as sent, for the validators to refuse by name. */
export const ToInteger = () => Transform(({ value }) => (typeof value === 'string' && /^[+-]?\d{1,15}$/.test(value.trim()) ? Number(value) : value));

/** A whole number within bounds, refused with one message that says both (query strings arrive as text: see ToInteger). */
export function IsWholeNumber(bounds: { min: number; max?: number; unit?: string }, validation?: ValidationOptions) {
  const range = bounds.max === undefined ? `${bounds.min} or more` : `from ${bounds.min} to ${bounds.max}`;
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isWholeNumber',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be a whole number${bounds.unit ? ` of ${bounds.unit}` : ''}, ${range}`, ...validation },
      validator: {
        validate: (value: unknown) => Number.isSafeInteger(value) && (value as number) >= bounds.min && (bounds.max === undefined || (value as number) <= bounds.max),
      },
    });
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** An ISO 8601 date (`2026-03-01`, midnight UTC) or date-time with a zone (`2026-03-01T09:00:00Z`). */
export function IsDateTimeParam(validation?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isDateTimeParam',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be an ISO 8601 date or date-time with a time zone, e.g. 2026-03-01 or 2026-03-01T09:00:00Z`, ...validation },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return false;
          const match = DATE_TIME.exec(value);
          if (!match) return false;
          const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
          const date = new Date(Date.UTC(year, month - 1, day));
          const realDay = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
          const realTime = match[4] === undefined || (Number(match[4]) < 24 && Number(match[5]) < 60 && Number(match[6] ?? 0) < 60);
          return realDay && realTime && !Number.isNaN(Date.parse(value));
        },
      },
    });
}

/** A UK postcode, district or area: `HX1 2AB`, `HX1` or `HX`. */
export function IsUkPostcode(validation?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isUkPostcode',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be a UK postcode (HX1 2AB), postcode district (HX1) or area (HX)`, ...validation },
      validator: { validate: (value: unknown) => typeof value === 'string' && parsePostcode(value) !== undefined },
    });
}

/**
 * When `proximity` is asked for, the postcode must be one whose district centre we know: distances are
 * measured from it, and the offline centroid table is partial.
 */
export function HasKnownCentreForProximity(validation?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'hasKnownCentreForProximity',
      target: object.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be a postcode or postcode district in ${CENTROID_AREAS.join(', ')} to search by proximity: only those district centres are known`,
        ...validation,
      },
      validator: {
        validate(value: unknown, args) {
          if ((args?.object as { proximity?: unknown } | undefined)?.proximity === undefined) return true;
          const district = typeof value === 'string' ? parsePostcode(value)?.district : undefined;
          return district !== undefined && districtCentroid(district) !== undefined;
        },
      },
    });
}

/** `proximity` measures from a postcode, so it needs one. */
export function NeedsPostcode(validation?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'needsPostcode',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} needs a postcode to measure from`, ...validation },
      validator: { validate: (_value: unknown, args) => (args?.object as { postcode?: unknown } | undefined)?.postcode !== undefined },
    });
}
