import { MAX_TOKEN_LIFETIME_SECONDS, tokenLifetimeFault } from './staff-token';

describe('token lifetime', () => {
  const now = 1_800_000_000;
  it('accepts a token that expires within 24 hours of its issue', () => {
    expect(tokenLifetimeFault({ iat: now, exp: now + 12 * 3600 }, now)).toBeUndefined();
    expect(tokenLifetimeFault({ iat: now - 3600, exp: now + MAX_TOKEN_LIFETIME_SECONDS - 3600 }, now)).toBeUndefined();
    expect(tokenLifetimeFault({ exp: now + 60 }, now)).toBeUndefined();
  });
  it('refuses a token without exp, or with one that is not a number', () => {
    expect(tokenLifetimeFault({ iat: now }, now)).toMatch(/exp/);
    expect(tokenLifetimeFault({ iat: now, exp: '9999999999' }, now)).toMatch(/exp/);
  });
  it('refuses a lifetime over 24 hours, counted from iat or from now when iat is absent or in the future', () => {
    expect(tokenLifetimeFault({ iat: now, exp: now + MAX_TOKEN_LIFETIME_SECONDS + 1 }, now)).toMatch(/24 hours/);
    expect(tokenLifetimeFault({ exp: now + 365 * 86_400 }, now)).toMatch(/24 hours/);
    expect(tokenLifetimeFault({ iat: now + 86_400, exp: now + 2 * 86_400 }, now)).toMatch(/24 hours/);
    expect(tokenLifetimeFault({ iat: 'yesterday', exp: now + 60 }, now)).toMatch(/iat/);
  });
});
