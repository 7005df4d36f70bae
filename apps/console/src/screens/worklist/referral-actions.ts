import type { Actor, Referral } from '../../api/types';

/** The moves offered to this staff member on this referral, following the API's rules (it still decides). */
export type Action = 'accept' | 'reject' | 'interaction' | 'hold' | 'resume' | 'handoff' | 'employment' | 'complete' | 'fail' | 'cancel' | 'route';

export function actionsFor(referral: Referral, actor: Actor): Action[] {
  const receiving = referral.receivingPartnerId === actor.partnerId;
  const referring = referral.referringPartnerId === actor.partnerId;
  const out: Action[] = [];
  switch (referral.status) {
    case 'requested':
      if (receiving) out.push('accept', 'reject');
      if (receiving || referring || actor.managesConsortium) out.push('cancel');
      break;
    case 'accepted':
    case 'in-progress':
      // Only the receiver acts on received work, hand-offs included; the hub (like the referrer) may cancel it.
      if (receiving) out.push('interaction', 'employment', 'hold', 'handoff', 'complete', 'fail');
      if (receiving || referring || actor.managesConsortium) out.push('cancel');
      break;
    case 'on-hold':
      if (receiving) out.push('resume', 'complete', 'fail');
      if (receiving || referring || actor.managesConsortium) out.push('cancel');
      break;
    case 'rejected':
      // A rejected referral can only be routed again (the API refuses rejected → cancelled).
      if (referring || actor.managesConsortium) out.push('route');
      break;
    case 'draft':
      if (referring || actor.managesConsortium) out.push('route', 'cancel');
      break;
  }
  return out;
}

export const REASON_CODES = [
  { code: 'no-capacity', label: 'No capacity' },
  { code: 'not-eligible', label: 'Not eligible' },
  { code: 'out-of-area', label: 'Out of area' },
  { code: 'could-not-contact', label: 'Could not contact' },
  { code: 'declined-by-person', label: 'Declined by the person' },
  { code: 'duplicate', label: 'Duplicate' },
  { code: 'other', label: 'Other (say why)' },
] as const;

export const OUTCOME_CODES = [
  { code: 'need-met', label: 'Need met' },
  { code: 'need-partly-met', label: 'Need partly met' },
  { code: 'need-not-met', label: 'Need not met' },
  { code: 'signposted-elsewhere', label: 'Signposted elsewhere' },
] as const;

export const INTERACTION_KINDS = ['attendance', 'one-to-one', 'phone-call', 'assessment', 'advice', 'home-visit', 'group-session', 'drop-in'] as const;
