import { ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalField } from '@onedoor/platform';
import { IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../page-query.dto';

export class OrganizationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: "Words found in the organization's name" })
  @OptionalField() @IsString({ message: 'search must be text' }) @MaxLength(200, { message: 'search must be at most 200 characters' })
  search?: string;
}
