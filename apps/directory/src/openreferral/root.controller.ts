import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@onedoor/platform';
import { OPEN_REFERRAL_ABOUT, OPEN_REFERRAL_PREFIX } from './open-referral';

@ApiTags('openreferral')
@Public()
@Controller(OPEN_REFERRAL_PREFIX)
export class OpenReferralRootController {
  @Get()
  @ApiOperation({ summary: 'About this API: HSDS version, profile (Open Referral UK) and its OpenAPI definition' })
  about() {
    return { ...OPEN_REFERRAL_ABOUT };
  }
}
