import { businessTimeOf } from './business-time';

describe('businessTimeOf', () => {
  it('reads each older event type from its own time field, newer ones from `at`', () => {
    expect(businessTimeOf({ type: 'ServiceWaitlistChanged', data: { serviceId: 's', status: 'closed', changedAt: '2026-03-01T09:00:00.000Z' } })).toBe(Date.parse('2026-03-01T09:00:00.000Z'));
    expect(businessTimeOf({ type: 'ConsentExpired', data: { consentId: 'c', expiredAt: '2026-02-01T00:00:00.000Z', recordedAt: '2026-02-01T00:00:05.000Z' } })).toBe(Date.parse('2026-02-01T00:00:05.000Z'));
    expect(businessTimeOf({ type: 'ReferralAccepted', data: { referralId: 'r', at: '2026-03-02T10:00:00.000Z' } })).toBe(Date.parse('2026-03-02T10:00:00.000Z'));
  });

  it('treats an event without a readable time as timeless', () => {
    expect(businessTimeOf({ type: 'ReferralAccepted', data: { referralId: 'r' } })).toBeUndefined();
    expect(businessTimeOf({ type: 'ReferralAccepted', data: { at: 'soon' } })).toBeUndefined();
  });
});
