import type { DomainEvent, ReferralEvent } from '@onedoor/domain';
import type { ReferralHistoryDetails, ReferralHistoryEntry } from './referral-record';

/** Every referral event type; a Record so the compiler flags one added to the domain and missed here. */
const REFERRAL_EVENT_TYPES: Record<ReferralEvent['type'], true> = {
  ReferralCreated: true,
  ReferralRouted: true,
  ReferralAccepted: true,
  ReferralRejected: true,
  ReferralStarted: true,
  ReferralPutOnHold: true,
  ReferralResumed: true,
  ReferralCompleted: true,
  ReferralFailed: true,
  ReferralCancelled: true,
  ReferralEnteredInError: true,
  ReferralHandedOff: true,
  ReferralReassigned: true,
  InteractionRecorded: true,
};

export function isReferralEvent(event: DomainEvent): event is ReferralEvent {
  return Object.prototype.hasOwnProperty.call(REFERRAL_EVENT_TYPES, event.type);
}

/**
 * The history line for a referral event. Only whitelisted, non-personal fields are copied, so sealed
 * text (summary, notes) can never leak into an audit trail, report or partner feed built from it.
 */
export function historyEntryOf(position: number, event: ReferralEvent): ReferralHistoryEntry {
  const entry = (summary: string, details: ReferralHistoryDetails = {}): ReferralHistoryEntry => ({
    position,
    at: event.data.at,
    type: event.type,
    by: { staffId: event.data.by.staffId, partnerId: event.data.by.partnerId },
    summary,
    details,
  });
  switch (event.type) {
    case 'ReferralCreated': {
      const { referringPartnerId, needs, urgency } = event.data;
      return entry(`Created by partner ${referringPartnerId} for ${needs.join(', ')} (${urgency})`, { partnerId: referringPartnerId, needs: [...needs], urgency });
    }
    case 'ReferralRouted': {
      const { partnerId, serviceId, respondBy, waitlisted, previousPartnerId } = event.data;
      const verb = previousPartnerId !== undefined ? `Re-routed from partner ${previousPartnerId} to` : 'Routed to';
      return entry(`${verb} partner ${partnerId} service ${serviceId}, respond by ${respondBy}${waitlisted ? ' (waitlisted)' : ''}`, {
        partnerId,
        serviceId,
        respondBy,
        waitlisted,
        ...(previousPartnerId !== undefined ? { previousPartnerId } : {}),
      });
    }
    case 'ReferralAccepted':
      return entry(`Accepted by partner ${event.data.by.partnerId}`);
    case 'ReferralRejected':
      return entry(`Rejected: ${event.data.reason.code}`, { reason: { ...event.data.reason } });
    case 'ReferralStarted':
      return entry('Work started');
    case 'ReferralPutOnHold':
      return entry(`Put on hold: ${event.data.reason.code}`, { reason: { ...event.data.reason } });
    case 'ReferralResumed':
      return entry('Resumed');
    case 'ReferralCompleted': {
      const { outcome } = event.data;
      return entry(`Completed: ${outcome.code}${outcome.enteredWork ? ', entered work' : ''}`, { outcome: { ...outcome } });
    }
    case 'ReferralFailed':
      return entry(`Failed: ${event.data.reason.code}`, { reason: { ...event.data.reason } });
    case 'ReferralCancelled':
      return entry(`Cancelled: ${event.data.reason.code}`, { reason: { ...event.data.reason } });
    case 'ReferralEnteredInError':
      return entry(`Marked entered in error: ${event.data.reason.code}`, { reason: { ...event.data.reason } });
    case 'ReferralHandedOff': {
      const { fromPartnerId, toPartnerId, serviceId, reason } = event.data;
      return entry(`Handed off from partner ${fromPartnerId} to partner ${toPartnerId} service ${serviceId}`, { fromPartnerId, toPartnerId, serviceId, handoffReason: reason });
    }
    case 'ReferralReassigned': {
      const { side, fromPartnerId, toPartnerId, consentCoversSuccessor } = event.data;
      const consent = consentCoversSuccessor ? '' : '; consent does not cover the successor';
      return entry(`${side === 'referring' ? 'Referring' : 'Receiving'} side moved from partner ${fromPartnerId} to partner ${toPartnerId} (partner left)${consent}`, {
        side,
        fromPartnerId,
        toPartnerId,
        consentCoversSuccessor,
      });
    }
    case 'InteractionRecorded': {
      const { interactionId, kind, occurredOn, partnerId } = event.data;
      return entry(`Support recorded: ${kind} on ${occurredOn}`, { interactionId, kind, occurredOn, partnerId });
    }
  }
}
