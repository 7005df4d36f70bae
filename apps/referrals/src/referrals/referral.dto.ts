import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INTERACTION_KINDS, InteractionKind, OUTCOME_CODES, OutcomeCode } from '@onedoor/domain';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsISO8601, IsNotEmpty, IsString, Matches, MaxLength, ValidateNested, IsObject } from 'class-validator';
import { IsCalendarDate, OptionalField, PlainlyValid, TERM_CODE, TERM_CODE_MAX_LENGTH, TermCodes } from '@onedoor/platform';
import { ID_PATTERN, ID_RULE } from '@onedoor/platform';


export class RouteReferralDto {
  @ApiProperty({ description: 'The partner service to send the referral to' })
  @Matches(ID_PATTERN, { message: `serviceId ${ID_RULE}` })
  serviceId: string;

  @ApiPropertyOptional({ description: 'When the receiving partner should respond by; 5 days from now when absent' })
  @OptionalField() @IsISO8601({ strict: true }, { message: 'respondBy must be an ISO-8601 date-time' })
  respondBy?: string;
}

const CREATE_REFERRAL_FIELDS = new Set(['referralId', 'personId', 'needs', 'urgency', 'summary', 'serviceId', 'respondBy']);
const isId = (value: unknown) => typeof value === 'string' && ID_PATTERN.test(value);

/**
 * The usual create-referral body, checked quickly (see PlainlyValid): known fields only, ids, 1–20 non-empty
 * needs, a known urgency, a summary of at most 5,000 UTF-16 units. A body with respondBy, or anything else
 * unusual, goes to the full rules.
 */
export function plainlyValidCreateReferral(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const b = body as Record<string, unknown>;
  for (const field in b) if (!CREATE_REFERRAL_FIELDS.has(field)) return false;
  if (!isId(b.personId)) return false;
  if (b.referralId !== undefined && !isId(b.referralId)) return false;
  if (b.serviceId !== undefined && !isId(b.serviceId)) return false;
  if (!Array.isArray(b.needs) || b.needs.length < 1 || b.needs.length > 20) return false;
  for (const need of b.needs as unknown[]) if (typeof need !== 'string' || need.length > TERM_CODE_MAX_LENGTH || !TERM_CODE.test(need)) return false;
  if (b.urgency !== undefined && b.urgency !== 'routine' && b.urgency !== 'urgent') return false;
  if (b.summary !== undefined && (typeof b.summary !== 'string' || b.summary.length > 5000)) return false;
  return b.respondBy === undefined;
}

@PlainlyValid(plainlyValidCreateReferral)
export class CreateReferralDto {
  @ApiPropertyOptional() @OptionalField() @Matches(ID_PATTERN, { message: `referralId ${ID_RULE}` })
  referralId?: string;

  @ApiProperty() @Matches(ID_PATTERN, { message: `personId ${ID_RULE}` })
  personId: string;

  @ApiProperty({ example: ['employment'], description: 'Taxonomy codes of the needs, such as mental-health: 1–20', type: [String], minItems: 1, maxItems: 20 })
  @TermCodes('needs', { min: 1, max: 20 })
  needs: string[];

  @ApiPropertyOptional({ enum: ['routine', 'urgent'], default: 'routine' }) @OptionalField() @IsIn(['routine', 'urgent'])
  urgency?: 'routine' | 'urgent';

  @ApiPropertyOptional({ description: "The person's circumstances; stored sealed with their key" })
  @OptionalField() @IsString() @MaxLength(5000)
  summary?: string;

  @ApiPropertyOptional({ description: 'Route straight away to this service (draft → requested in one step)' })
  @OptionalField() @Matches(ID_PATTERN, { message: `serviceId ${ID_RULE}` })
  serviceId?: string;

  @ApiPropertyOptional() @OptionalField() @IsISO8601({ strict: true }, { message: 'respondBy must be an ISO-8601 date-time' })
  respondBy?: string;
}

export class OutcomeDto {
  @ApiProperty({ enum: OUTCOME_CODES }) @IsIn(OUTCOME_CODES as unknown as string[])
  code: OutcomeCode;

  @ApiPropertyOptional() @OptionalField() @IsBoolean()
  enteredWork?: boolean;

  @ApiPropertyOptional({ example: '2026-05-01' }) @OptionalField() @IsCalendarDate()
  workStartedOn?: string;
}

export class CompleteReferralDto {
  @ApiProperty({ type: OutcomeDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => OutcomeDto)
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
  @ApiPropertyOptional() @OptionalField() @Matches(ID_PATTERN, { message: `interactionId ${ID_RULE}` })
  interactionId?: string;

  @ApiProperty({ enum: INTERACTION_KINDS }) @IsIn(INTERACTION_KINDS as unknown as string[])
  kind: InteractionKind;

  @ApiProperty({ example: '2026-04-02' }) @IsCalendarDate()
  occurredOn: string;

  @ApiPropertyOptional({ description: 'Case notes; stored sealed with the person\'s key' }) @OptionalField() @IsString() @MaxLength(10000)
  notes?: string;
}
