/** Where the Open Referral API is mounted; the staff API owns `/services` itself. */
export const OPEN_REFERRAL_PREFIX = 'openreferral';

/** What GET /openreferral/ says about this API: HSDS 3.0 with the Open Referral UK profile. */
export const OPEN_REFERRAL_ABOUT = {
  version: '3.0',
  profile: 'https://github.com/openreferral/uk-profile',
  openapi_url: 'https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json',
} as const;

export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 100;

/** Whether a request path is under the Open Referral API (with or without a query string). */
export function isOpenReferralPath(url: string): boolean {
  const path = url.split('?')[0];
  return path === `/${OPEN_REFERRAL_PREFIX}` || path.startsWith(`/${OPEN_REFERRAL_PREFIX}/`);
}
