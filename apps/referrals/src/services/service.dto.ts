import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { CAPACITY_UNITS, CapacityUnit, WAITLIST_STATUSES, WaitlistStatus } from '@onedoor/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min, ValidateNested, IsObject } from 'class-validator';
import { OptionalField } from '@onedoor/platform';
import { ID_PATTERN, ID_RULE } from '../shared/id';

export class EligibilityDto {
  @ApiPropertyOptional() @OptionalField() @IsInt() @Min(0) @Max(130)
  minimumAge?: number;

  @ApiPropertyOptional() @OptionalField() @IsInt() @Min(0) @Max(130)
  maximumAge?: number;

  @ApiPropertyOptional() @OptionalField() @IsString() @MaxLength(2000)
  description?: string;
}

export class CapacityDto {
  @ApiProperty() @IsInt() @Min(0)
  available: number;

  @ApiProperty() @IsInt() @Min(0)
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

  @ApiProperty({ example: ['employment'], description: 'Taxonomy terms for the needs the service meets' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @IsNotEmpty({ each: true })
  needs: string[];

  @ApiProperty({ example: ['Halifax', 'HX1'] }) @IsArray() @ArrayMaxSize(200) @IsString({ each: true })
  localities: string[];

  @ApiProperty({ example: ['carers'] }) @IsArray() @ArrayMaxSize(50) @IsString({ each: true })
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
