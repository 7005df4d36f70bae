import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { CAPACITY_UNITS, CapacityUnit, WAITLIST_STATUSES, WaitlistStatus } from '@onedoor/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min, ValidateNested, IsObject } from 'class-validator';
import { BoundedCount, OptionalField, PlaceNames, TermCodes } from '@onedoor/platform';
import { ID_PATTERN, ID_RULE } from '@onedoor/platform';

export class EligibilityDto {
  @ApiPropertyOptional() @OptionalField() @IsInt() @Min(0) @Max(130)
  minimumAge?: number;

  @ApiPropertyOptional() @OptionalField() @IsInt() @Min(0) @Max(130)
  maximumAge?: number;

  @ApiPropertyOptional() @OptionalField() @IsString() @MaxLength(2000)
  description?: string;
}

export class CapacityDto {
  @ApiProperty({ minimum: 0, maximum: 1_000_000 }) @BoundedCount('available')
  available: number;

  @ApiProperty({ minimum: 0, maximum: 1_000_000 }) @BoundedCount('maximum')
  maximum: number;

  @ApiProperty({ enum: CAPACITY_UNITS }) @IsIn(CAPACITY_UNITS as unknown as string[])
  unit: CapacityUnit;
}

export class WaitlistDto {
  @ApiProperty({ enum: WAITLIST_STATUSES, description: 'open: a full service takes referrals onto its waitlist; closed: it takes none until places free up' })
  @IsIn(WAITLIST_STATUSES as unknown as string[])
  status: WaitlistStatus;
}

export class ServiceDescriptionDto {
  @ApiProperty({ example: 'Job club' }) @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiProperty() @IsString() @MaxLength(5000)
  description: string;

  @ApiProperty({ example: ['employment'], description: 'Taxonomy codes for the needs the service meets (published in the open directory): 1–20 codes such as mental-health', type: [String], minItems: 1, maxItems: 20 })
  @TermCodes('needs', { min: 1, max: 20 })
  needs: string[];

  @ApiProperty({ example: ['Halifax', 'HX1'], description: 'Places served, e.g. a town or postcode district: at most 50', type: [String], maxItems: 50 })
  @PlaceNames('localities', { max: 50 })
  localities: string[];

  @ApiProperty({ example: ['carers'], description: 'Communities served as taxonomy codes such as young-people: at most 20', type: [String], maxItems: 20 })
  @TermCodes('communities', { max: 20 })
  communities: string[];

  @ApiProperty({ type: EligibilityDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => EligibilityDto)
  eligibility: EligibilityDto;
}

export class ListServiceDto extends ServiceDescriptionDto {
  @ApiPropertyOptional({ description: 'Your own id for the service; a UUID is made when absent' })
  @OptionalField() @Matches(ID_PATTERN, { message: `serviceId ${ID_RULE}` })
  serviceId?: string;

  @ApiProperty({ type: CapacityDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => CapacityDto)
  capacity: CapacityDto;
}

export class UpdateServiceDto extends PartialType(ServiceDescriptionDto, { skipNullProperties: false }) {}

export class WithdrawServiceDto {
  @ApiPropertyOptional() @OptionalField() @IsString() @MaxLength(2000)
  reason?: string;
}

export class ServiceQueryDto {
  @ApiPropertyOptional() @OptionalField() @Matches(ID_PATTERN, { message: `partnerId ${ID_RULE}` })
  partnerId?: string;

  @ApiPropertyOptional({ description: 'A taxonomy term, e.g. employment' }) @OptionalField() @IsString() @MaxLength(100)
  need?: string;

  @ApiPropertyOptional({ enum: ['active', 'withdrawn'] }) @OptionalField() @IsIn(['active', 'withdrawn'])
  status?: 'active' | 'withdrawn';

  @ApiPropertyOptional() @OptionalField() @IsString() @MaxLength(200)
  text?: string;
}
