import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { asyncApiDocument } from '@onedoor/messaging';
import { Public } from '@onedoor/platform';

/** The partner streams' contract, open to anyone building a consumer. */
@ApiTags('partner streams')
@Controller()
export class AsyncApiController {
  private readonly document = asyncApiDocument();

  @Public()
  @Get('asyncapi.json')
  @ApiOperation({ summary: 'AsyncAPI 3.0 description of every partner-stream topic, message and payload schema' })
  asyncapi() {
    return this.document;
  }
}
