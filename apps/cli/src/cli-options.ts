import { InvalidArgumentError } from 'commander';

/** A calendar date or a date-time (ISO 8601), as given; refused with the option's name otherwise. */
export function isoDateOption(name: string) {
  return (value: string): string => {
    if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) || Number.isNaN(Date.parse(value))) {
      throw new InvalidArgumentError(`${name} must be a date (YYYY-MM-DD) or an ISO 8601 date-time, not "${value}"`);
    }
    return value;
  };
}

export function positiveIntegerOption(name: string) {
  return (value: string): number => {
    if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError(`${name} must be a whole number from 1, not "${value}"`);
    return Number(value);
  };
}

export function oneOfOption<T extends string>(name: string, allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`${name} must be one of ${allowed.join(', ')}, not "${value}"`);
    return value as T;
  };
}
