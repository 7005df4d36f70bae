import { ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalField } from '@onedoor/platform';
import { parsePostcode } from '@onedoor/projections';
import { HasKnownCentreForProximity, IsUkPostcode, IsWholeNumber, NeedsPostcode, ToInteger } from '../query-params';
import type { PlaceFilter } from '../place-filter';
import { ServiceQueryDto } from '../services/service-query.dto';

export const MAX_PROXIMITY_METRES = 100_000;

export class ServiceAtLocationQueryDto extends ServiceQueryDto {
  @ApiPropertyOptional({ description: 'A UK postcode, postcode district or area: services delivered in its district (or area)', example: 'HX1 2AB' })
  @OptionalField() @IsUkPostcode() @HasKnownCentreForProximity()
  postcode?: string;

  @ApiPropertyOptional({
    description: `Metres from the postcode district's centre (needs postcode); nearest first. District centres are approximate and known only for the HX, HD, BD, LS and OL11–OL16 districts`,
    minimum: 1,
    maximum: MAX_PROXIMITY_METRES,
  })
  @OptionalField() @NeedsPostcode() @ToInteger() @IsWholeNumber({ min: 1, max: MAX_PROXIMITY_METRES, unit: 'metres' })
  proximity?: number;
}

export function placeFilterOf(query: ServiceAtLocationQueryDto): PlaceFilter | undefined {
  const postcode = query.postcode !== undefined ? parsePostcode(query.postcode) : undefined;
  return postcode && { postcode, proximity: query.proximity };
}
