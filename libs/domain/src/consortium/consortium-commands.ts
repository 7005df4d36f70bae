import { Actor } from '../shared/actor';
import { ConsortiumStructure, PartnerRole } from './consortium-structure';

export interface FormConsortium {
  type: 'FormConsortium';
  consortiumId: string;
  name: string;
  structure: ConsortiumStructure;
  at: string;
  /** Who asks; once the consortium has members, only its managing partner may even ask (403, not 409). */
  actor?: { managesConsortium: boolean };
}

export interface AdmitPartner {
  type: 'AdmitPartner';
  partnerId: string;
  name: string;
  role: PartnerRole;
  /** Absent only while bootstrapping the first member. */
  actor?: Actor;
  at: string;
}

export interface RemovePartner {
  type: 'RemovePartner';
  partnerId: string;
  successorPartnerId?: string;
  /** Open referrals the partner sends or receives now (from the worklist read model). */
  openReferralIds: string[];
  actor: Actor;
  at: string;
}

export type ConsortiumCommand = FormConsortium | AdmitPartner | RemovePartner;
