/**
 * The platform itself acting on a rule of time, not a member of staff: it belongs to no partner and
 * decides nothing (e.g. recording that a consent reached its expiry).
 */
export interface SystemActor {
  system: 'consent-expiry' | 'consent-loss';
}

export const CONSENT_EXPIRY_ACTOR: SystemActor = { system: 'consent-expiry' };
/** Stops live referrals to partners a person's consent no longer covers (StopReferralOnConsentLoss). */
export const CONSENT_LOSS_ACTOR: SystemActor = { system: 'consent-loss' };
/** The staff id a system actor's events carry in `by` and in metadata, e.g. `system:consent-loss`. */
export const systemStaffId = (actor: SystemActor) => `system:${actor.system}`;
