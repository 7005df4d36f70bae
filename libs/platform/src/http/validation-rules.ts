import { ValidateIf, ValidationOptions, registerDecorator } from 'class-validator';

/**
 * Like @IsOptional, but only an absent field is skipped: `null` is validated (and refused) like any other
 * value, so a null can never slip into an event that a read model later trips over.
 */
export const OptionalField = () => ValidateIf((_object, value) => value !== undefined);

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date as YYYY-MM-DD (no 31 February), optionally not in the future. */
export function IsCalendarDate(options: { notInFuture?: boolean } = {}, validation?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: object.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be a real date as YYYY-MM-DD${options.notInFuture ? ', not in the future' : ''}`,
        ...validation,
      },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return false;
          const match = DATE_ONLY.exec(value);
          if (!match) return false;
          const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
          if (date.toISOString().slice(0, 10) !== value) return false;
          return !options.notInFuture || date.getTime() <= Date.now();
        },
      },
    });
}
