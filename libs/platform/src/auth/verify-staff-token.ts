import { UnauthorizedException } from '@nestjs/common';
import type { JwtService } from '@nestjs/jwt';
import { StaffTokenClaims, tokenLifetimeFault } from './staff-token';

/**
 * The bearer token of an Authorization header, checked: present, signed with AUTH_SECRET, unexpired, a lifetime
 * within bounds. Throws the 401 problem naming the rule. Shared by the guard of every service and by the
 * gateway, which refuses a bad token before routing it, with the same answer a service would give.
 */
export async function verifyStaffToken(jwt: JwtService, authorization: string | undefined): Promise<StaffTokenClaims> {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
  if (!token) throw new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', rule: 'auth.token-missing', message: 'send a bearer token: Authorization: Bearer <token>' });
  let claims: StaffTokenClaims;
  try {
    claims = await jwt.verifyAsync<StaffTokenClaims>(token);
  } catch {
    throw new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', rule: 'auth.token-invalid', message: 'the bearer token is invalid or has expired' });
  }
  const lifetimeFault = tokenLifetimeFault(claims, Math.floor(Date.now() / 1000));
  if (lifetimeFault) throw new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', rule: 'auth.token-lifetime', message: lifetimeFault });
  return claims;
}
