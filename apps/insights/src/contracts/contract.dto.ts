import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { definedOnly, HUB_FEE_KINDS, INTERACTION_KINDS, InteractionKind, MILESTONE_RULE_KINDS, Milestone, MilestoneRule, OUTCOME_CODES, OutcomeCode, overlappingMilestones } from '@onedoor/domain';
import { BoundedCount, ChoiceList, IsCalendarDate, MAX_PENCE, NestedList, OptionalField, WholePence } from '@onedoor/platform';
import { Type } from 'class-transformer';
import {
  IsDefined, IsIn, IsInt, IsNotEmpty, IsNumber, IsObject, IsString, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested, registerDecorator,
} from 'class-validator';
import { ID_PATTERN, ID_RULE } from '@onedoor/platform';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A milestone rule as data; which settings apply depends on `kind` (the domain refuses the others). */
export class MilestoneRuleDto {
  @ApiProperty({ enum: MILESTONE_RULE_KINDS }) @IsIn(MILESTONE_RULE_KINDS as unknown as string[], { message: `kind must be a known milestone rule, one of: ${MILESTONE_RULE_KINDS.join(', ')}` })
  kind: MilestoneRule['kind'];

  @ApiPropertyOptional({ description: 'activity-count: how many' }) @ValidateIf((r: MilestoneRuleDto) => r.kind === 'activity-count' || r.atLeast !== undefined) @IsInt() @Min(1) @Max(1000)
  atLeast?: number;

  @ApiPropertyOptional({ enum: INTERACTION_KINDS, isArray: true, minItems: 1, maxItems: INTERACTION_KINDS.length, uniqueItems: true, description: 'activity-count: which kinds count (all when absent)' })
  @OptionalField() @ChoiceList('kinds', INTERACTION_KINDS, { min: 1 })
  kinds?: InteractionKind[];

  @ApiPropertyOptional({ description: 'sustained-employment: weeks in work' }) @ValidateIf((r: MilestoneRuleDto) => r.kind === 'sustained-employment' || r.weeks !== undefined) @IsInt() @Min(1) @Max(156)
  weeks?: number;

  @ApiPropertyOptional({ enum: OUTCOME_CODES, isArray: true, minItems: 1, maxItems: OUTCOME_CODES.length, uniqueItems: true, description: 'referral-completed: which outcomes count (all when absent)' })
  @OptionalField() @ChoiceList('outcomes', OUTCOME_CODES, { min: 1 })
  outcomes?: OutcomeCode[];
}

export class MilestoneDto {
  @ApiProperty({ example: 'm1' }) @Matches(ID_PATTERN, { message: `milestoneId ${ID_RULE}` })
  milestoneId: string;

  @ApiProperty({ example: 'Three intervention activities' }) @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiProperty({ type: MilestoneRuleDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => MilestoneRuleDto)
  rule: MilestoneRuleDto;

  @ApiProperty({ description: 'Whole pence, from 1 to 1,000,000,000 (£10 million)', example: 30000, minimum: 1, maximum: MAX_PENCE }) @WholePence('paymentPence', { min: 1 })
  paymentPence: number;
}

export class HubFeeDto {
  @ApiProperty({ enum: HUB_FEE_KINDS }) @IsIn(HUB_FEE_KINDS as unknown as string[], { message: `kind must be one of: ${HUB_FEE_KINDS.join(', ')}` })
  kind: 'share-of-member-claims';

  @ApiProperty({ example: 10 }) @IsNumber() @Min(0) @Max(100)
  percent: number;
}

export class MilestoneTargetDto {
  @ApiProperty() @Matches(ID_PATTERN, { message: `milestoneId ${ID_RULE}` })
  milestoneId: string;

  @ApiProperty({ minimum: 0, maximum: 1_000_000 }) @BoundedCount('count')
  count: number;
}

export class DeliveryTargetDto {
  @ApiProperty() @Matches(ID_PATTERN, { message: `partnerId ${ID_RULE}` })
  partnerId: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 1_000_000 }) @OptionalField() @BoundedCount('referralsAccepted')
  referralsAccepted?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1_000_000 }) @OptionalField() @BoundedCount('participantsStarted')
  participantsStarted?: number;

  @ApiPropertyOptional({ type: [MilestoneTargetDto], maxItems: 50 }) @OptionalField() @NestedList('milestones', () => MilestoneTargetDto, { max: 50 })
  milestones?: MilestoneTargetDto[];
}

/** Two milestones with one id, or one rule written twice, would pay twice for the same evidence. */
function NoOverlappingMilestones() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'noOverlappingMilestones',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must not overlap: each milestone needs its own id and its own rule, or one participant's evidence would be paid twice` },
      validator: {
        validate(value: unknown) {
          // Not a list, or items that are not objects: the list's own rules refuse it.
          if (!Array.isArray(value) || value.some((m) => typeof m !== 'object' || m === null || typeof m.rule !== 'object' || m.rule === null)) return true;
          const ids = value.map((m: MilestoneDto) => m?.milestoneId);
          return new Set(ids).size === ids.length && overlappingMilestones(value as never).length === 0;
        },
      },
    });
}

export class PeriodDto {
  @ApiProperty({ example: '2026-04-01' }) @IsCalendarDate()
  start: string;

  @ApiProperty({ example: '2027-09-30' }) @IsCalendarDate()
  end: string;
}

export class AgreeContractDto {
  @ApiPropertyOptional({ description: 'Your own id for the contract; a UUID is made when absent' }) @OptionalField() @Matches(ID_PATTERN, { message: `contractId ${ID_RULE}` })
  contractId?: string;

  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Calderdale Council' }) @IsString() @IsNotEmpty() @MaxLength(200)
  commissioner: string;

  @ApiProperty({ type: PeriodDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => PeriodDto)
  period: PeriodDto;

  @ApiProperty({ type: [MilestoneDto], minItems: 1, maxItems: 50 }) @NestedList('milestones', () => MilestoneDto, { min: 1, max: 50 }) @NoOverlappingMilestones()
  milestones: MilestoneDto[];

  @ApiProperty({ type: HubFeeDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => HubFeeDto)
  hubFee: HubFeeDto;

  @ApiPropertyOptional({ type: [DeliveryTargetDto], maxItems: 200 }) @OptionalField() @NestedList('targets', () => DeliveryTargetDto, { max: 200 })
  targets?: DeliveryTargetDto[];
}

export class TermsChangesDto {
  @ApiPropertyOptional({ type: [MilestoneDto], minItems: 1, maxItems: 50 }) @OptionalField() @NestedList('milestones', () => MilestoneDto, { min: 1, max: 50 }) @NoOverlappingMilestones()
  milestones?: MilestoneDto[];

  @ApiPropertyOptional({ type: HubFeeDto }) @OptionalField() @IsObject() @ValidateNested() @Type(() => HubFeeDto)
  hubFee?: HubFeeDto;

  @ApiPropertyOptional({ type: [DeliveryTargetDto], maxItems: 200 }) @OptionalField() @NestedList('targets', () => DeliveryTargetDto, { max: 200 })
  targets?: DeliveryTargetDto[];
}

export class AmendContractDto {
  @ApiPropertyOptional() @OptionalField() @Matches(ID_PATTERN, { message: `amendmentId ${ID_RULE}` })
  amendmentId?: string;

  @ApiProperty({ description: 'The first of a month', example: '2026-10-01' }) @IsCalendarDate()
  effectiveFrom: string;

  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000)
  reason: string;

  @ApiProperty({ type: TermsChangesDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => TermsChangesDto)
  changes: TermsChangesDto;
}

export class AdjustClaimDto {
  @ApiPropertyOptional() @OptionalField() @Matches(ID_PATTERN, { message: `adjustmentId ${ID_RULE}` })
  adjustmentId?: string;

  @ApiProperty() @Matches(ID_PATTERN, { message: `partnerId ${ID_RULE}` })
  partnerId: string;

  @ApiProperty({ example: '2026-06' }) @Matches(MONTH, { message: 'month must be YYYY-MM' })
  month: string;

  @ApiProperty({ description: 'Whole pence, positive (up) or negative (down), at most 1,000,000,000 (£10 million) either way', minimum: -MAX_PENCE, maximum: MAX_PENCE }) @WholePence('amountPence', { min: -MAX_PENCE })
  amountPence: number;

  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000)
  reason: string;
}

export class ClawBackClaimDto {
  @ApiPropertyOptional() @OptionalField() @Matches(ID_PATTERN, { message: `clawbackId ${ID_RULE}` })
  clawbackId?: string;

  @ApiProperty() @Matches(ID_PATTERN, { message: `partnerId ${ID_RULE}` })
  partnerId: string;

  @ApiProperty({ example: '2026-06' }) @Matches(MONTH, { message: 'month must be YYYY-MM' })
  month: string;

  @ApiProperty({ description: 'What is taken back, whole pence from 1 to 1,000,000,000 (£10 million)', minimum: 1, maximum: MAX_PENCE }) @WholePence('amountPence', { min: 1 })
  amountPence: number;

  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000)
  reason: string;

  @ApiPropertyOptional() @OptionalField() @Matches(ID_PATTERN, { message: `participantId ${ID_RULE}` })
  participantId?: string;

  @ApiPropertyOptional() @OptionalField() @Matches(ID_PATTERN, { message: `milestoneId ${ID_RULE}` })
  milestoneId?: string;
}

/**
 * The DTO checked the shape; the rule's fit to its kind is the domain's to judge (contract.milestone-rule-invalid).
 * Settings not sent are dropped: DTO instances carry every declared field, unset ones as undefined.
 */
export function milestonesOf(dtos: MilestoneDto[]): Milestone[] {
  return dtos.map(({ milestoneId, name, rule, paymentPence }) => ({ milestoneId, name, rule: definedOnly({ ...rule }) as MilestoneRule, paymentPence }));
}
