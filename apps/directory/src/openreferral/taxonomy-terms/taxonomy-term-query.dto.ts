import { ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalField } from '@onedoor/platform';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../page-query.dto';

export class TaxonomyTermQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: "Words found in the term's name or code" })
  @OptionalField() @IsString({ message: 'search must be text' }) @MaxLength(200, { message: 'search must be at most 200 characters' })
  search?: string;

  @ApiPropertyOptional({ description: 'Terms of this taxonomy', format: 'uuid' })
  @OptionalField() @IsUUID('all', { message: 'taxonomy_id must be a UUID, as given by /openreferral/taxonomies' })
  taxonomy_id?: string;
}
