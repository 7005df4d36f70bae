import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REASON_CODES, ReasonCode } from '@onedoor/domain';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsString, MaxLength, ValidateIf, ValidateNested, IsObject } from 'class-validator';

export class ReasonDto {
  @ApiProperty({ enum: REASON_CODES })
  @IsIn(REASON_CODES as unknown as string[])
  code: ReasonCode;

  @ApiPropertyOptional({ description: 'Required when code is "other".', maxLength: 2000 })
  @ValidateIf((r: ReasonDto) => r.code === 'other' || r.text !== undefined)
  @IsString() @IsNotEmpty() @MaxLength(2000)
  text?: string;
}

/** A body that carries only a reason: reject, hold, fail, cancel, entered-in-error. */
export class ReasonBodyDto {
  @ApiProperty({ type: ReasonDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ReasonDto)
  reason: ReasonDto;
}
