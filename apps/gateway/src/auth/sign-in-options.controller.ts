import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ONEDOOR_CONFIG, OnedoorConfig, Public } from '@onedoor/platform';
import { ConsortiumRoster } from '@onedoor/projections';

/**
 * What the console's sign-in screen offers. In dev mode, the current partners to pick from (the demo sign-in);
 * in token mode, only that a consortium-issued token is needed — no partner list to anyone without a token.
 */
@ApiTags('auth')
@Controller('auth')
export class SignInOptionsController {
  constructor(@Inject(ONEDOOR_CONFIG) private readonly config: OnedoorConfig, private readonly roster: ConsortiumRoster) {}

  @Get('sign-in-options')
  @Public()
  @ApiOperation({ summary: 'How staff sign in here: dev (pick a partner, demo only) or token (a token issued by the consortium)' })
  options() {
    const consortium = this.roster.consortium();
    if (this.config.AUTH_MODE !== 'dev') return { mode: 'token' as const };
    return {
      mode: 'dev' as const,
      consortium: consortium ? { name: consortium.name } : undefined,
      partners: this.roster.partners().map((p) => ({ partnerId: p.partnerId, name: p.name, role: p.role })),
    };
  }
}
