import { ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalField } from '@onedoor/platform';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './open-referral';
import { IsWholeNumber, ToInteger } from './query-params';

export class PageQueryDto {
  @ApiPropertyOptional({ description: 'Page number, from 1', minimum: 1, default: 1 })
  @OptionalField() @ToInteger() @IsWholeNumber({ min: 1 })
  page?: number;

  @ApiPropertyOptional({ description: 'Items per page', minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE })
  @OptionalField() @ToInteger() @IsWholeNumber({ min: 1, max: MAX_PER_PAGE })
  per_page?: number;
}

export interface PageRequest {
  page: number;
  perPage: number;
}

export const pageRequestOf = (query: PageQueryDto): PageRequest => ({ page: query.page ?? 1, perPage: query.per_page ?? DEFAULT_PER_PAGE });
