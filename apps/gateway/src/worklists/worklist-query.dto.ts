import { ApiPropertyOptional } from '@nestjs/swagger';
import { REFERRAL_STATUSES, ReferralStatus } from '@onedoor/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn } from 'class-validator';
import { OptionalField } from '@onedoor/platform';

export class WorklistQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated statuses, e.g. requested,accepted' })
  @OptionalField()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value))
  @IsIn(REFERRAL_STATUSES as unknown as string[], { each: true, message: `status must be a comma-separated list of: ${REFERRAL_STATUSES.join(', ')}` })
  status?: ReferralStatus[];

  @ApiPropertyOptional({ description: 'Only referrals past their respond-by date' })
  @OptionalField()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;
}
