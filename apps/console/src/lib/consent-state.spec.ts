import type { Consent } from '../api/types';
import { consentCoversPartner, consentSummary } from './consent-state';

const consent = (overrides: Partial<Consent> = {}): Consent => ({
  consentId: 'c1',
  scope: { kind: 'consortium' },
  purposes: ['referral', 'service-delivery'],
  givenAt: '2026-01-10T10:00:00Z',
  recordedBy: 'staff-1',
  active: true,
  ...overrides,
});
const NAMES: Record<string, string> = { hearth: 'Hearth Housing', works: 'Calder Works' };
const name = (id: string) => NAMES[id] ?? id;

describe('consentSummary', () => {
  it('says when no consent is recorded', () => {
    expect(consentSummary([])).toEqual({ state: 'none', text: 'No consent recorded', covers: [] });
  });

  it('says consent was withdrawn, or expired, when the latest one no longer holds', () => {
    expect(consentSummary([consent({ active: false, withdrawnAt: '2026-02-01T10:00:00Z' })])).toEqual({ state: 'withdrawn', text: 'Consent withdrawn', covers: [] });
    expect(consentSummary([consent({ active: false, expiredAt: '2026-02-01T10:00:00Z' })])).toEqual({ state: 'expired', text: 'Consent expired', covers: [] });
    // An older withdrawal does not describe a later consent that lapsed.
    const withdrawnThenExpired = [consent({ consentId: 'c1', active: false, withdrawnAt: '2026-01-15T10:00:00Z' }), consent({ consentId: 'c2', active: false, expiredAt: '2026-03-01T10:00:00Z' })];
    expect(consentSummary(withdrawnThenExpired).state).toBe('expired');
  });

  it('says a consortium-wide consent covers the whole consortium', () => {
    expect(consentSummary([consent()], name)).toEqual({ state: 'active', text: 'Consent covers the whole consortium', expiresAt: undefined, covers: 'consortium' });
  });

  it('names the partners active consents cover, each once, and ignores inactive consents', () => {
    const consents = [
      consent({ consentId: 'c1', scope: { kind: 'partners', partnerIds: ['hearth', 'works'] } }),
      consent({ consentId: 'c2', scope: { kind: 'partners', partnerIds: ['works'] } }),
      consent({ consentId: 'c3', scope: { kind: 'partners', partnerIds: ['elsewhere'] }, active: false, withdrawnAt: '2026-02-01T10:00:00Z' }),
    ];
    const summary = consentSummary(consents, name);
    expect(summary.state).toBe('active');
    expect(summary.covers).toEqual(['hearth', 'works']);
    expect(summary.text).toBe('Consent covers Hearth Housing, Calder Works');
  });

  it('shows partner ids when it is given no names', () => {
    expect(consentSummary([consent({ scope: { kind: 'partners', partnerIds: ['works'] } })]).text).toBe('Consent covers works');
  });

  it('a consortium-wide consent wins over one for named partners', () => {
    const summary = consentSummary([consent({ scope: { kind: 'partners', partnerIds: ['works'] } }), consent({ consentId: 'c2' })], name);
    expect(summary.covers).toBe('consortium');
    expect(summary.text).toBe('Consent covers the whole consortium');
  });

  it('gives the soonest expiry among active consents only', () => {
    const consents = [
      consent({ consentId: 'c1', expiresAt: '2027-01-01T00:00:00Z' }),
      consent({ consentId: 'c2', expiresAt: '2026-06-30T00:00:00Z' }),
      consent({ consentId: 'c3' }),
      consent({ consentId: 'c4', expiresAt: '2026-02-01T00:00:00Z', active: false, expiredAt: '2026-02-01T00:00:00Z' }),
    ];
    expect(consentSummary(consents).expiresAt).toBe('2026-06-30T00:00:00Z');
  });
});

describe('consentCoversPartner', () => {
  it('is true for an active referral consent covering the partner, or the whole consortium', () => {
    expect(consentCoversPartner([consent()], 'works')).toBe(true);
    expect(consentCoversPartner([consent({ scope: { kind: 'partners', partnerIds: ['hearth', 'works'] } })], 'works')).toBe(true);
  });

  it('is false for another partner, another purpose, an inactive consent or none', () => {
    expect(consentCoversPartner([consent({ scope: { kind: 'partners', partnerIds: ['hearth'] } })], 'works')).toBe(false);
    expect(consentCoversPartner([consent({ purposes: ['service-delivery'] })], 'works')).toBe(false);
    expect(consentCoversPartner([consent({ active: false, withdrawnAt: '2026-02-01T10:00:00Z' })], 'works')).toBe(false);
    expect(consentCoversPartner([], 'works')).toBe(false);
  });

  it('is true when any one consent covers it', () => {
    const consents = [consent({ consentId: 'c1', purposes: ['service-delivery'] }), consent({ consentId: 'c2', scope: { kind: 'partners', partnerIds: ['works'] } })];
    expect(consentCoversPartner(consents, 'works')).toBe(true);
    expect(consentCoversPartner(consents, 'hearth')).toBe(false);
  });
});
