import { ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalField } from '@onedoor/platform';
import { Matches } from 'class-validator';

export const MAX_FEED_PAGE = 1000;

/** Query-string numbers stay text until checked, so `after=abc` or `after=-1` is refused by name. */
export class PartnerFeedQueryDto {
  @ApiPropertyOptional({ description: 'A global log position: the `next` of the previous page, or 0 (the default) for the beginning' })
  @OptionalField()
  @Matches(/^(0|[1-9]\d{0,14})$/, { message: 'after must be a log position: a whole number, 0 or more' })
  after?: string;

  @ApiPropertyOptional({ description: `How many messages, 1 to ${MAX_FEED_PAGE} (default 100); one event's messages are never split across pages` })
  @OptionalField()
  @Matches(/^(1000|[1-9]\d{0,2})$/, { message: `limit must be a whole number from 1 to ${MAX_FEED_PAGE}` })
  limit?: string;
}
