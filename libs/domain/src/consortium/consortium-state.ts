import { ConsortiumStructure, PartnerRole } from './consortium-structure';

export interface Membership {
  partnerId: string;
  name: string;
  role: PartnerRole;
  active: boolean;
}

export interface ConsortiumState {
  formed: boolean;
  consortiumId?: string;
  name?: string;
  structure?: ConsortiumStructure;
  partners: Record<string, Membership>;
}

export const initialConsortiumState: ConsortiumState = { formed: false, partners: {} };

export function activeMembers(state: ConsortiumState): Membership[] {
  return Object.values(state.partners).filter((p) => p.active);
}

export function isActiveMember(state: ConsortiumState, partnerId: string): boolean {
  return state.partners[partnerId]?.active === true;
}

/** Whether this partner manages the consortium: its hub or lead, or any member of a partnership of equals. */
export function managesConsortium(state: ConsortiumState, partnerId: string): boolean {
  const member = state.partners[partnerId];
  if (!member?.active) return false;
  return state.structure === 'partnership-of-equals' || member.role === 'hub' || member.role === 'lead';
}
