import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INTERACTION_KINDS, InteractionKind, OUTCOME_CODES, OutcomeCode } from '@onedoor/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDefined, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ID_PATTERN, ID_RULE } from '../shared/id';

const DATE_ONLY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class RouteReferralDto {
  @ApiProperty({ description: 'The partner service to send the referral to' })
  @Matches(ID_PATTERN, { message: `serviceId ${ID_RULE}` })
  serviceId: string;

  @ApiPropertyOptional({ description: 'When the receiving partner should respond by; 5 days from now when absent' })
  @IsOptional() @IsISO8601({ strict: true }, { message: 'respondBy must be an ISO-8601 date-time' })
  respondBy?: string;
}

export class CreateReferralDto {
  @ApiPropertyOptional() @IsOptional() @Matches(ID_PATTERN, { message: `referralId ${ID_RULE}` })
  referralId?: string;

  @ApiProperty() @Matches(ID_PATTERN, { message: `personId ${ID_RULE}` })
  personId: string;

  @ApiProperty({ example: ['employment'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) @IsNotEmpty({ each: true })
  needs: string[];

  @ApiPropertyOptional({ enum: ['routine', 'urgent'], default: 'routine' }) @IsOptional() @IsIn(['routine', 'urgent'])
  urgency?: 'routine' | 'urgent';

  @ApiPropertyOptional({ description: "The person's circumstances; stored sealed with their key" })
  @IsOptional() @IsString() @MaxLength(5000)
  summary?: string;

  @ApiPropertyOptional({ description: 'Route straight away to this service (draft → requested in one step)' })
  @IsOptional() @Matches(ID_PATTERN, { message: `serviceId ${ID_RULE}` })
  serviceId?: string;

  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }, { message: 'respondBy must be an ISO-8601 date-time' })
  respondBy?: string;
}

export class OutcomeDto {
  @ApiProperty({ enum: OUTCOME_CODES }) @IsIn(OUTCOME_CODES as unknown as string[])
  code: OutcomeCode;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  enteredWork?: boolean;

  @ApiPropertyOptional({ example: '2026-05-01' }) @IsOptional() @Matches(DATE_ONLY, { message: 'workStartedOn must be a date as YYYY-MM-DD' })
  workStartedOn?: string;
}

export class CompleteReferralDto {
  @ApiProperty({ type: OutcomeDto }) @IsDefined() @ValidateNested() @Type(() => OutcomeDto)
  outcome: OutcomeDto;
}

export class HandOffReferralDto {
  @ApiProperty({ description: "The other partner's service that takes the work" })
  @Matches(ID_PATTERN, { message: `serviceId ${ID_RULE}` })
  serviceId: string;

  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000)
  reason: string;
}

export class RecordInteractionDto {
  @ApiPropertyOptional() @IsOptional() @Matches(ID_PATTERN, { message: `interactionId ${ID_RULE}` })
  interactionId?: string;

  @ApiProperty({ enum: INTERACTION_KINDS }) @IsIn(INTERACTION_KINDS as unknown as string[])
  kind: InteractionKind;

  @ApiProperty({ example: '2026-04-02' }) @Matches(DATE_ONLY, { message: 'occurredOn must be a date as YYYY-MM-DD' })
  occurredOn: string;

  @ApiPropertyOptional({ description: 'Case notes; stored sealed with the person\'s key' }) @IsOptional() @IsString() @MaxLength(10000)
  notes?: string;
}
