import type { ReferralHistoryEntry } from '../api/types';
import { formatDate, formatMoment, needLabel, statusLabel } from './format';

export interface Names {
  partner(partnerId: string | undefined): string;
  service(serviceId: string | undefined): string;
}

/**
 * A referral's history line in staff's words: partner and service names instead of ids, dates as dates,
 * codes as words. Built from the entry's non-personal details; an entry it does not know keeps the API's summary.
 */
export function historySentence(entry: ReferralHistoryEntry, names: Names): string {
  const d = entry.details ?? {};
  const partner = (id: string | undefined) => names.partner(id);
  // The platform stopped it because consent ended: say so, and that no member of staff did it.
  const consentEnded = d.reason?.code === 'consent-ended';
  const reason = consentEnded ? ' automatically: the person’s consent no longer covers the partner' : d.reason ? `: ${statusLabel(d.reason.code).toLowerCase()}` : '';
  switch (entry.type) {
    case 'ReferralCreated':
      return `Created by ${partner(d.partnerId ?? entry.by.partnerId)} for ${(d.needs ?? []).map((n) => needLabel(n).toLowerCase()).join(', ')}${d.urgency === 'urgent' ? ' (urgent)' : ''}`;
    case 'ReferralRouted': {
      const to = `${partner(d.partnerId)} · ${names.service(d.serviceId)}`;
      const respond = d.respondBy ? `, respond by ${formatMoment(d.respondBy)}` : '';
      const from = d.previousPartnerId !== undefined ? `Re-routed from ${partner(d.previousPartnerId)} to` : 'Sent to';
      return `${from} ${to}${respond}${d.waitlisted ? ' (on the waiting list)' : ''}`;
    }
    case 'ReferralAccepted':
      return `Accepted by ${partner(entry.by.partnerId)}`;
    case 'ReferralRejected':
      return `Rejected${reason}`;
    case 'ReferralStarted':
      return 'Work started';
    case 'ReferralPutOnHold':
      return `Put on hold${reason}`;
    case 'ReferralResumed':
      return 'Resumed';
    case 'ReferralCompleted':
      return `Completed${d.outcome ? `: ${statusLabel(d.outcome.code).toLowerCase()}` : ''}${d.outcome?.enteredWork ? ', entered work' : ''}`;
    case 'ReferralFailed':
      return `Failed${reason}`;
    case 'ReferralCancelled':
      return `Cancelled${reason}`;
    case 'ReferralEnteredInError':
      return `Marked entered in error${reason}`;
    case 'ReferralHandedOff':
      return `Handed off from ${partner(d.fromPartnerId)} to ${partner(d.toPartnerId)} · ${names.service(d.serviceId)}${d.handoffReason ? ` (${d.handoffReason})` : ''}`;
    case 'ReferralReassigned':
      return `${d.side === 'referring' ? 'Referring' : 'Receiving'} side moved from ${partner(d.fromPartnerId)} to ${partner(d.toPartnerId)} (partner left)${d.consentCoversSuccessor === false ? '; consent does not cover them' : ''}`;
    case 'InteractionRecorded':
      return `Support recorded: ${statusLabel(d.kind ?? 'interaction').toLowerCase()} on ${formatDate(d.occurredOn)}`;
    default:
      return entry.summary;
  }
}
