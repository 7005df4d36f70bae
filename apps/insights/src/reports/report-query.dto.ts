import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalField } from '@onedoor/platform';
import { IsIn, Matches } from 'class-validator';
import { ID_PATTERN, ID_RULE } from '@onedoor/platform';
import { IsAsOf } from './as-of';

export class ReportQueryDto {
  @ApiPropertyOptional({ description: 'Report as of this date (the whole day, UTC) or date-time; now when absent', example: '2026-05-31' })
  @OptionalField() @IsAsOf()
  as_of?: string;

  @ApiPropertyOptional({ description: 'One partner (a partner sees only its own numbers whatever it asks)' })
  @OptionalField() @Matches(ID_PATTERN, { message: `partnerId ${ID_RULE}` })
  partnerId?: string;

  @ApiPropertyOptional() @OptionalField() @Matches(ID_PATTERN, { message: `contractId ${ID_RULE}` })
  contractId?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM' }) @OptionalField() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month?: string;

  @ApiPropertyOptional({ description: 'One participant (person id), for milestones' }) @OptionalField() @Matches(ID_PATTERN, { message: `participantId ${ID_RULE}` })
  participantId?: string;
}

export const OUTCOME_GROUPINGS = ['community', 'locality'] as const;

export class OutcomesQueryDto extends ReportQueryDto {
  @ApiProperty({ enum: OUTCOME_GROUPINGS }) @IsIn(OUTCOME_GROUPINGS as unknown as string[], { message: `by must be one of: ${OUTCOME_GROUPINGS.join(', ')}` })
  by: 'community' | 'locality';
}
