import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalField } from '@onedoor/platform';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDefined, Matches } from 'class-validator';
import { IsWholeNumber, ToInteger } from '../../openreferral/query-params';

export const MAX_SUGGESTIONS = 50;
export const DEFAULT_SUGGESTIONS = 10;

const needsRule = 'needs must be 1 to 10 different need codes separated by commas, e.g. employment,debt (lower-case letters, digits and dashes)';

export class RoutingSuggestionsQueryDto {
  @ApiProperty({ description: 'The needs to meet, as need codes separated by commas', example: 'employment,debt' })
  @IsDefined({ message: needsRule })
  // Comma-separated text becomes a list; anything else stays as sent, to be refused by name.
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((code) => code.trim()) : value))
  @IsArray({ message: needsRule }) @ArrayMinSize(1, { message: needsRule }) @ArrayMaxSize(10, { message: needsRule }) @ArrayUnique({ message: needsRule })
  @Matches(/^[a-z0-9][a-z0-9-]{0,59}$/, { each: true, message: needsRule })
  needs!: string[];

  @ApiPropertyOptional({ description: 'How many suggestions at most', minimum: 1, maximum: MAX_SUGGESTIONS, default: DEFAULT_SUGGESTIONS })
  @OptionalField() @ToInteger() @IsWholeNumber({ min: 1, max: MAX_SUGGESTIONS })
  limit?: number;
}
