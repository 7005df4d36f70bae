import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from '@onedoor/domain';

/** The staff member making the request, set by the StaffTokenGuard. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => ctx.switchToHttp().getRequest().actor);

export const PUBLIC_ROUTE = 'onedoor:public';
/** Open without a token: health, docs, the dev token issuer. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export const BEFORE_MEMBERSHIP = 'onedoor:before-membership';
/** While a consortium has no members yet, any valid token may found it and admit the first partner. */
export const AllowedBeforeMembership = () => SetMetadata(BEFORE_MEMBERSHIP, true);
