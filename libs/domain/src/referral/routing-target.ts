/** The partner service a referral is sent to, with the facts the handler looked up about it. */
export interface RoutingTarget {
  serviceId: string;
  partnerId: string;
  /** The service is listed and not withdrawn. */
  serviceActive: boolean;
  /** The offering partner is a current consortium member. */
  partnerIsMember: boolean;
  /** The service has no available capacity: the referral joins its waitlist. */
  waitlisted: boolean;
  /** The service has no available capacity and its waitlist is closed: it takes no referrals now. */
  waitlistClosed: boolean;
}
