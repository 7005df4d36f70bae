import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DirectorySearchQueryDto } from './directory-search-query.dto';
import { SearchDirectoryQuery } from './search-directory.query';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('directory')
export class DirectorySearchController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('search')
  @ApiOperation({ summary: 'Search active services by need, words, distance from a postcode, age, community and capacity; nearest first with a postcode, else by name' })
  search(@Query() query: DirectorySearchQueryDto) {
    return this.queryBus.execute(new SearchDirectoryQuery(query));
  }
}
