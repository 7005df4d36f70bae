import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ConsortiumRoster } from '@onedoor/projections';
import { BEFORE_MEMBERSHIP, PUBLIC_ROUTE } from './actor.decorator';
import { StaffTokenClaims, tokenLifetimeFault } from './staff-token';

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
    const header: string | undefined = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', rule: 'auth.token-missing', message: 'send a bearer token: Authorization: Bearer <token>' });
    let claims: StaffTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<StaffTokenClaims>(token);
    } catch {
      throw new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', rule: 'auth.token-invalid', message: 'the bearer token is invalid or has expired' });
    }
    const lifetimeFault = tokenLifetimeFault(claims, Math.floor(Date.now() / 1000));
    if (lifetimeFault) throw new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', rule: 'auth.token-lifetime', message: lifetimeFault });
    const founding = this.reflector.getAllAndOverride<boolean>(BEFORE_MEMBERSHIP, targets) && this.roster.partners().length === 0;
    if (!founding && !this.roster.isActiveMember(claims.partnerId)) {
      throw new ForbiddenException({ statusCode: 403, error: 'Forbidden', rule: 'auth.partner-not-member', message: 'your partner is not a current member of this consortium' });
    }
    request.actor = { staffId: claims.sub, partnerId: claims.partnerId, managesConsortium: founding || this.roster.managesConsortium(claims.partnerId) };
    return true;
  }
}
