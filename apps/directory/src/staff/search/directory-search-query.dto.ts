import { ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalField } from '@onedoor/platform';
import { IsBoolean, IsNumber, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsWholeNumber, NeedsPostcode, ToInteger } from '../../openreferral/query-params';
import { IsMeasurablePostcode, IsTermCode, ToBoolean, ToDecimal } from '../staff-query-params';

export const MAX_SEARCH_PER_PAGE = 100;
export const DEFAULT_SEARCH_PER_PAGE = 20;
export const MAX_WITHIN_KM = 100;

/** Staff search over the shared directory's active services; every filter given must hold. */
export class DirectorySearchQueryDto {
  @ApiPropertyOptional({ description: 'A need the service meets (taxonomy term code)', example: 'employment' })
  @OptionalField() @IsTermCode('need', 'employment')
  need?: string;

  @ApiPropertyOptional({ description: 'Words, each the start of a word in the name, description, eligibility, needs, communities, localities or partner name' })
  @OptionalField() @IsString({ message: 'q must be text' }) @MaxLength(200, { message: 'q must be at most 200 characters' }) @Matches(/[\p{L}\p{N}]/u, { message: 'q must contain a letter or digit' })
  q?: string;

  @ApiPropertyOptional({ description: 'Measure distances from this postcode or district, nearest first (district centres known for HX, HD, BD, LS and OL11–OL16)', example: 'HX1 2AB' })
  @OptionalField() @IsMeasurablePostcode()
  postcode?: string;

  @ApiPropertyOptional({ description: 'Only services delivered in a district whose centre is within this many km (needs postcode)', minimum: 0.1, maximum: MAX_WITHIN_KM })
  @OptionalField() @NeedsPostcode() @ToDecimal()
  @Min(0.1, { message: `within_km must be a number of kilometres from 0.1 to ${MAX_WITHIN_KM}` })
  @Max(MAX_WITHIN_KM, { message: `within_km must be a number of kilometres from 0.1 to ${MAX_WITHIN_KM}` })
  @IsNumber({}, { message: `within_km must be a number of kilometres from 0.1 to ${MAX_WITHIN_KM}` })
  within_km?: number;

  @ApiPropertyOptional({ description: "Only services a person of this age is eligible for", minimum: 0, maximum: 130 })
  @OptionalField() @ToInteger() @IsWholeNumber({ min: 0, max: 130, unit: 'years' })
  age?: number;

  @ApiPropertyOptional({ description: 'A community the service is for (taxonomy term code)', example: 'carers' })
  @OptionalField() @IsTermCode('community', 'carers')
  community?: string;

  @ApiPropertyOptional({ description: 'true: places free now; false: full (new referrals join its waitlist)' })
  @OptionalField() @ToBoolean() @IsBoolean({ message: 'has_capacity must be true or false' })
  has_capacity?: boolean;

  @ApiPropertyOptional({ description: 'Page number, from 1', minimum: 1, default: 1 })
  @OptionalField() @ToInteger() @IsWholeNumber({ min: 1 })
  page?: number;

  @ApiPropertyOptional({ description: 'Results per page', minimum: 1, maximum: MAX_SEARCH_PER_PAGE, default: DEFAULT_SEARCH_PER_PAGE })
  @OptionalField() @ToInteger() @IsWholeNumber({ min: 1, max: MAX_SEARCH_PER_PAGE })
  per_page?: number;
}
