import { ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalField } from '@onedoor/platform';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../page-query.dto';
import { IsDateTimeParam, IsWholeNumber, ToInteger } from '../query-params';
import type { ServiceFilter } from '../service-filter';

const uuidMessage = (name: string, from: string) => ({ message: `${name} must be a UUID, as given by ${from}` });

/** The Open Referral filters on services (and on services at locations); combined with AND. */
export class ServiceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Words found in the name, description, eligibility, organization, needs, communities or localities' })
  @OptionalField() @IsString({ message: 'search must be text' }) @MaxLength(200, { message: 'search must be at most 200 characters' })
  search?: string;

  @ApiPropertyOptional({ description: 'Services with this taxonomy term (a need or community)', format: 'uuid' })
  @OptionalField() @IsUUID('all', uuidMessage('taxonomy_term_id', '/openreferral/taxonomy_terms'))
  taxonomy_term_id?: string;

  @ApiPropertyOptional({ description: 'Services with any term of this taxonomy', format: 'uuid' })
  @OptionalField() @IsUUID('all', uuidMessage('taxonomy_id', '/openreferral/taxonomies'))
  taxonomy_id?: string;

  @ApiPropertyOptional({ description: 'Services of this organization', format: 'uuid' })
  @OptionalField() @IsUUID('all', uuidMessage('organization_id', '/openreferral/organizations'))
  organization_id?: string;

  @ApiPropertyOptional({ description: 'Services changed on or after this date or date-time (ISO 8601)', example: '2026-03-01T00:00:00Z' })
  @OptionalField() @IsDateTimeParam()
  modified_after?: string;

  @ApiPropertyOptional({ description: 'Services whose minimum age is at least this (no minimum counts as 0)', minimum: 0, maximum: 130 })
  @OptionalField() @ToInteger() @IsWholeNumber({ min: 0, max: 130, unit: 'years' })
  minimum_age?: number;

  @ApiPropertyOptional({ description: 'Services whose maximum age is at most this (services with no maximum never match)', minimum: 0, maximum: 130 })
  @OptionalField() @ToInteger() @IsWholeNumber({ min: 0, max: 130, unit: 'years' })
  maximum_age?: number;
}

export function serviceFilterOf(query: ServiceQueryDto): ServiceFilter {
  return {
    search: query.search,
    taxonomyTermId: query.taxonomy_term_id,
    taxonomyId: query.taxonomy_id,
    organizationId: query.organization_id,
    modifiedAfter: query.modified_after,
    minimumAge: query.minimum_age,
    maximumAge: query.maximum_age,
  };
}
