import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ConsortiumRoster } from '@onedoor/projections';
import { BEFORE_MEMBERSHIP, PUBLIC_ROUTE } from './actor.decorator';
import { verifyStaffToken } from './verify-staff-token';

/** Every call acts as a staff member of one current partner; the token names both. */
@Injectable()
export class StaffTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly roster: ConsortiumRoster,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const claims = await verifyStaffToken(this.jwt, request.headers.authorization);
    const founding = this.reflector.getAllAndOverride<boolean>(BEFORE_MEMBERSHIP, targets) && this.roster.partners().length === 0;
    if (!founding && !this.roster.isActiveMember(claims.partnerId)) {
      throw new ForbiddenException({ statusCode: 403, error: 'Forbidden', rule: 'auth.partner-not-member', message: 'your partner is not a current member of this consortium' });
    }
    request.actor = { staffId: claims.sub, partnerId: claims.partnerId, managesConsortium: founding || this.roster.managesConsortium(claims.partnerId) };
    return true;
  }
}
