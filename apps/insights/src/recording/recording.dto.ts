import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_GROUP_ATTENDANCE } from '@onedoor/domain';
import { IsCalendarDate, OptionalField } from '@onedoor/platform';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { ID_PATTERN, ID_RULE } from '@onedoor/platform';

// Dates in the future are refused by the domain against the business clock (the platform's Clock), as for interactions.

/** A group session's head count: a date and a number, nothing about who came. */
export class GroupAttendanceDto {
  @ApiPropertyOptional({ description: 'Your own id for the session; a UUID is made when absent' }) @OptionalField() @Matches(ID_PATTERN, { message: `sessionId ${ID_RULE}` })
  sessionId?: string;

  @ApiProperty({ example: 'valley-voices-choir' }) @Matches(ID_PATTERN, { message: `serviceId ${ID_RULE}` })
  serviceId: string;

  @ApiProperty({ example: '2026-05-14' }) @IsCalendarDate()
  occurredOn: string;

  @ApiProperty({ example: 23 }) @IsInt() @Min(0) @Max(MAX_GROUP_ATTENDANCE)
  count: number;
}

export class EmploymentStartDto {
  @ApiProperty({ example: '2026-05-04' }) @IsCalendarDate()
  startedOn: string;
}

export class EmploymentEndDto {
  @ApiProperty({ example: '2026-09-30' }) @IsCalendarDate()
  endedOn: string;
}
