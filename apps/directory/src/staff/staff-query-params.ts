import { CENTROID_AREAS, districtCentroid, parsePostcode } from '@onedoor/projections';
import { Transform } from 'class-transformer';
import { Matches, ValidationOptions, registerDecorator } from 'class-validator';

/** A need or community code as partners record them: `employment`, `young-people`. */
export const IsTermCode = (field: string, example: string) =>
  Matches(/^[a-z0-9][a-z0-9-]{0,59}$/, { message: `${field} must be a code such as ${example}: lower-case letters, digits and dashes` });

/** A postcode whose district centre we know, since distances are measured from it (the offline table is partial). */
export function IsMeasurablePostcode(validation?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isMeasurablePostcode',
      target: object.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be a UK postcode (HX1 2AB) or postcode district (HX1) in ${CENTROID_AREAS.join(', ')}: only those district centres are known`,
        ...validation,
      },
      validator: {
        validate(value: unknown) {
          const district = typeof value === 'string' ? parsePostcode(value)?.district : undefined;
          return district !== undefined && districtCentroid(district) !== undefined;
        },
      },
    });
}

/** A query-string number with up to 3 decimals becomes one; anything else stays text for the validator to refuse by name. */
export const ToDecimal = () => Transform(({ value }) => (typeof value === 'string' && /^\d{1,6}(\.\d{1,3})?$/.test(value.trim()) ? Number(value) : value));

/** `true` or `false` become booleans; anything else stays as sent, to be refused by name. */
export const ToBoolean = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));
