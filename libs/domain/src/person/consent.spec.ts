import { Consent, consentCovers, isConsentActive } from './consent';

const base: Consent = { consentId: 'c', scope: { kind: 'partners', partnerIds: ['p2'] }, purposes: ['referral'], givenAt: '2026-01-01T00:00:00Z', recordedBy: 'p1' };

describe('consent coverage', () => {
  it('covers named partners for its purpose while active', () => {
    expect(consentCovers([base], 'p2', '2026-02-01T00:00:00Z')).toBe(true);
    expect(consentCovers([base], 'p3', '2026-02-01T00:00:00Z')).toBe(false);
    expect(consentCovers([base], 'p2', '2026-02-01T00:00:00Z', 'research')).toBe(false);
  });
  it('a consortium-wide consent covers every partner', () => {
    expect(consentCovers([{ ...base, scope: { kind: 'consortium' } }], 'anyone', '2026-02-01T00:00:00Z')).toBe(true);
  });
  it('stops covering on expiry and on withdrawal, and not before it is given', () => {
    expect(isConsentActive({ ...base, expiresAt: '2026-02-01T00:00:00Z' }, '2026-02-01T00:00:00Z')).toBe(false);
    expect(isConsentActive({ ...base, withdrawnAt: '2026-01-15T00:00:00Z' }, '2026-01-20T00:00:00Z')).toBe(false);
    expect(isConsentActive({ ...base, withdrawnAt: '2026-01-15T00:00:00Z' }, '2026-01-10T00:00:00Z')).toBe(true);
    expect(isConsentActive(base, '2025-12-31T00:00:00Z')).toBe(false);
  });
});
