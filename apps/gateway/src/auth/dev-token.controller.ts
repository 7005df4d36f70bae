import { Body, Controller, Get, Post } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@onedoor/domain';
import { CurrentActor, Public, StaffTokenClaims } from '@onedoor/platform';
import { DevTokenRequestDto } from './dev-token.dto';

/** Dev mode only (AUTH_MODE=dev): a token for any staff member of any partner, so the demo can be tried at once. */
@ApiTags('auth')
@Controller('auth')
export class DevTokenController {
  constructor(private readonly jwt: JwtService) {}

  @Post('dev-token')
  @Public()
  @ApiOperation({ summary: 'Issue a 12-hour token acting as a staff member of a partner (dev mode only)' })
  async issue(@Body() dto: DevTokenRequestDto) {
    const staffId = dto.staffId ?? `staff-${dto.partnerId}`;
    const claims: StaffTokenClaims = { sub: staffId, partnerId: dto.partnerId };
    return { token: await this.jwt.signAsync(claims), partnerId: dto.partnerId, staffId, expiresIn: '12h' };
  }
}

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class WhoAmIController {
  @Get('whoami')
  @ApiOperation({ summary: 'Who the token says you are' })
  whoami(@CurrentActor() actor: Actor) {
    return actor;
  }
}
