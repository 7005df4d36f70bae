import { Capacity, ServiceDescription, WaitlistStatus } from './service-description';

export interface ServiceState {
  status: 'unlisted' | 'active' | 'withdrawn';
  serviceId?: string;
  partnerId?: string;
  description?: ServiceDescription;
  capacity?: Capacity;
  /** Every service's waitlist starts open (before waitlist status existed, a full service always took referrals). */
  waitlist: WaitlistStatus;
}

export const initialServiceState: ServiceState = { status: 'unlisted', waitlist: 'open' };

/** Full, with its waitlist closed: it takes no referrals until places free up or the waitlist reopens. */
export function isClosedToReferrals(state: ServiceState): boolean {
  return state.capacity?.available === 0 && state.waitlist === 'closed';
}
