import type { Outcome, Reason, ReferralEvent } from '@onedoor/domain';
import type { ReferralFacts } from './publication-facts';

/**
 * The public body of a referral event: stable public field names, ids and codes only, no staff ids.
 * Personal fields are added by the router under `personal`, and only where consent allows.
 */
export function referralBody(event: ReferralEvent, referral: ReferralFacts): Record<string, unknown> {
  const base = { referralId: referral.referralId, personId: referral.personId, occurredAt: event.data.at, actedByPartnerId: event.data.by.partnerId };
  const snapshot = { referringPartnerId: referral.referringPartnerId, needs: referral.needs, urgency: referral.urgency };
  switch (event.type) {
    case 'ReferralCreated':
      return { ...base, referringPartnerId: event.data.referringPartnerId, needs: event.data.needs, urgency: event.data.urgency };
    case 'ReferralRouted': {
      const { partnerId, serviceId, respondBy, waitlisted, previousPartnerId } = event.data;
      return { ...base, partnerId, serviceId, respondBy, waitlisted, ...(previousPartnerId ? { previousPartnerId } : {}), referral: snapshot };
    }
    case 'ReferralRejected':
    case 'ReferralPutOnHold':
    case 'ReferralFailed':
    case 'ReferralCancelled':
    case 'ReferralEnteredInError':
      return { ...base, reason: publicReason(event.data.reason) };
    case 'ReferralCompleted':
      return { ...base, outcome: publicOutcome(event.data.outcome) };
    case 'ReferralHandedOff': {
      const { fromPartnerId, toPartnerId, serviceId, reason } = event.data;
      return { ...base, fromPartnerId, toPartnerId, serviceId, reason, referral: snapshot };
    }
    case 'ReferralReassigned': {
      const { side, fromPartnerId, toPartnerId } = event.data;
      return { ...base, side, fromPartnerId, toPartnerId, referral: snapshot };
    }
    case 'InteractionRecorded': {
      const { interactionId, kind, occurredOn, partnerId } = event.data;
      return { ...base, interactionId, kind, occurredOn, partnerId };
    }
    case 'ReferralAccepted':
    case 'ReferralStarted':
    case 'ReferralResumed':
      return base;
  }
}

/** The sealed personal field a referral event's body may carry: the summary for joining partners, notes for support. */
export function sealedPersonalFieldOf(event: ReferralEvent, referral: ReferralFacts) {
  switch (event.type) {
    case 'ReferralCreated':
    case 'ReferralRouted':
    case 'ReferralHandedOff':
    case 'ReferralReassigned':
      return referral.summary && { name: 'summary' as const, sealed: referral.summary };
    case 'InteractionRecorded':
      return event.data.notes && { name: 'notes' as const, sealed: event.data.notes };
    default:
      return undefined;
  }
}

const publicReason = ({ code, text }: Reason) => ({ code, ...(text !== undefined ? { text } : {}) });
const publicOutcome = ({ code, enteredWork, workStartedOn }: Outcome) => ({
  code,
  ...(enteredWork !== undefined ? { enteredWork } : {}),
  ...(workStartedOn !== undefined ? { workStartedOn } : {}),
});
