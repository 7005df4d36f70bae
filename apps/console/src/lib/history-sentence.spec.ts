import type { ReferralHistoryEntry } from '../api/types';
import { historySentence } from './history-sentence';

const names = {
  partner: (id: string | undefined) => ({ 'calder-hub': 'Calder Valley Together', 'calder-works': 'Calder Works', 'fair-money': 'Fair Money Advice' })[id ?? ''] ?? String(id),
  service: (id: string | undefined) => ({ 'job-club': 'Job Club', 'debt-advice': 'Debt Advice' })[id ?? ''] ?? String(id),
};

function entry(type: string, details: ReferralHistoryEntry['details'], summary = 'the API summary'): ReferralHistoryEntry {
  return { position: 1, at: '2026-12-07T13:35:00Z', type, by: { staffId: 's1', partnerId: 'calder-works' }, summary, details };
}

describe('historySentence', () => {
  it('names the partner and service a referral was sent to, with the respond-by moment as a date', () => {
    const line = historySentence(entry('ReferralRouted', { partnerId: 'calder-works', serviceId: 'job-club', respondBy: '2026-12-12T13:35:58.857Z' }), names);
    expect(line).toBe('Sent to Calder Works · Job Club, respond by 12 Dec 2026, 13:35');
  });

  it('says where a re-routed referral came from and when it joined a waiting list', () => {
    const line = historySentence(entry('ReferralRouted', { partnerId: 'fair-money', serviceId: 'debt-advice', previousPartnerId: 'calder-works', waitlisted: true }), names);
    expect(line).toBe('Re-routed from Calder Works to Fair Money Advice · Debt Advice (on the waiting list)');
  });

  it('reads the creating partner and needs in words, marking only urgent ones', () => {
    expect(historySentence(entry('ReferralCreated', { partnerId: 'calder-hub', needs: ['employment', 'debt-advice'], urgency: 'routine' }), names)).toBe('Created by Calder Valley Together for employment, debt advice');
    expect(historySentence(entry('ReferralCreated', { partnerId: 'calder-hub', needs: ['housing'], urgency: 'urgent' }), names)).toBe('Created by Calder Valley Together for housing (urgent)');
  });

  it('turns reason and outcome codes into words', () => {
    expect(historySentence(entry('ReferralRejected', { reason: { code: 'no-capacity' } }), names)).toBe('Rejected: no capacity');
    expect(historySentence(entry('ReferralPutOnHold', { reason: { code: 'person-unreachable' } }), names)).toBe('Put on hold: person unreachable');
    expect(historySentence(entry('ReferralCompleted', { outcome: { code: 'goal-met', enteredWork: true } }), names)).toBe('Completed: goal met, entered work');
  });

  it('says a referral was held or cancelled by the platform when consent no longer covers the partner', () => {
    const reason = { code: 'consent-ended', text: "the person's consent no longer covers partner calder-works" };
    expect(historySentence(entry('ReferralPutOnHold', { reason }), names)).toBe('Put on hold automatically: the person’s consent no longer covers the partner');
    expect(historySentence(entry('ReferralCancelled', { reason }), names)).toBe('Cancelled automatically: the person’s consent no longer covers the partner');
  });

  it('names both sides of a handoff and the receiving service, with the reason given', () => {
    const line = historySentence(entry('ReferralHandedOff', { fromPartnerId: 'calder-works', toPartnerId: 'fair-money', serviceId: 'debt-advice', handoffReason: 'debt first' }), names);
    expect(line).toBe('Handed off from Calder Works to Fair Money Advice · Debt Advice (debt first)');
  });

  it('dates recorded support', () => {
    expect(historySentence(entry('InteractionRecorded', { kind: 'attended', occurredOn: '2026-12-07' }), names)).toBe('Support recorded: attended on 7 Dec 2026');
  });

  it('keeps the API summary for an event type it does not know (a newer server)', () => {
    expect(historySentence(entry('ReferralSomethingNew', {}, 'Something new happened'), names)).toBe('Something new happened');
  });
});
