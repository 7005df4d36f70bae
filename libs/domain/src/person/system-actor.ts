/**
 * The platform itself acting on a rule of time, not a member of staff: it belongs to no partner and
 * decides nothing (e.g. recording that a consent reached its expiry).
 */
export interface SystemActor {
  system: 'consent-expiry';
}

export const CONSENT_EXPIRY_ACTOR: SystemActor = { system: 'consent-expiry' };
