import { isBefore } from '../shared/dates';
import { ReferralStatus } from './referral-status';

export interface ReferralState {
  exists: boolean;
  status: ReferralStatus;
  referralId?: string;
  personId?: string;
  referringPartnerId?: string;
  receivingPartnerId?: string;
  serviceId?: string;
  /** Services that have rejected this referral, so it is not sent back to one of them. */
  rejectedByServiceIds: string[];
  respondBy?: string;
  firstRespondedAt?: string;
  interactionIds: string[];
}

export const initialReferralState: ReferralState = { exists: false, status: 'draft', rejectedByServiceIds: [], interactionIds: [] };

/** A routed referral is overdue when the receiving partner has not responded by its due date. */
export function isOverdue(state: Pick<ReferralState, 'status' | 'respondBy'>, now: string): boolean {
  return state.status === 'requested' && state.respondBy !== undefined && isBefore(state.respondBy, now);
}

export const DEFAULT_RESPONSE_DAYS = 5;
