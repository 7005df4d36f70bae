import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { OptionalField } from '@onedoor/platform';

const ID = /^[A-Za-z0-9][A-Za-z0-9_:-]{0,63}$/;

export class DevTokenRequestDto {
  @ApiProperty({ example: 'calder-works' }) @Matches(ID, { message: 'partnerId must be 1–64 letters, digits, dashes or underscores' })
  partnerId: string;

  @ApiPropertyOptional({ example: 'staff-ana' }) @OptionalField() @Matches(ID, { message: 'staffId must be 1–64 letters, digits, dashes, colons or underscores' })
  staffId?: string;
}
