/** What a OneDoor bearer token says: which staff member, acting for which partner, and until when. */
export interface StaffTokenClaims {
  sub: string;
  partnerId: string;
  /** Seconds since the epoch; required. */
  exp?: number;
  iat?: number;
}

/** The longest a token may live: a token that never expires is a password that cannot be changed. */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

/**
 * Why a correctly signed token is still refused, or undefined when it is fine (expiry itself is checked by the
 * verifier): it must carry `exp`, and `exp` may be at most MAX_TOKEN_LIFETIME_SECONDS after its `iat` and
 * after now (a token issued "now" for a year, or one with a back-dated iat, is refused alike).
 */
export function tokenLifetimeFault(claims: { exp?: unknown; iat?: unknown }, nowSeconds: number): string | undefined {
  if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) return 'the bearer token must carry an expiry (exp)';
  if (claims.iat !== undefined && (typeof claims.iat !== 'number' || !Number.isFinite(claims.iat))) return 'the bearer token has an unreadable issue time (iat)';
  const from = Math.min(nowSeconds, typeof claims.iat === 'number' ? claims.iat : nowSeconds);
  if (claims.exp - from > MAX_TOKEN_LIFETIME_SECONDS) return 'the bearer token must expire within 24 hours of being issued';
  return undefined;
}
