import { ApiPropertyOptional } from '@nestjs/swagger';
import { REFERRAL_STATUSES, ReferralStatus } from '@onedoor/domain';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';
import { ChoiceList, OptionalField } from '@onedoor/platform';

export class WorklistQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated statuses, e.g. requested,accepted' })
  @OptionalField()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value))
  @ChoiceList('status', REFERRAL_STATUSES, { hint: ' (comma-separated)' })
  status?: ReferralStatus[];

  @ApiPropertyOptional({ description: 'Only referrals past their respond-by date' })
  @OptionalField()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;
}
