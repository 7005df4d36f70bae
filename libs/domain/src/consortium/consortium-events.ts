import { ConsortiumStructure, PartnerRole } from './consortium-structure';

export interface ConsortiumFormed {
  type: 'ConsortiumFormed';
  data: { consortiumId: string; name: string; structure: ConsortiumStructure; formedAt: string };
}

export interface PartnerJoined {
  type: 'PartnerJoined';
  data: { consortiumId: string; partnerId: string; name: string; role: PartnerRole; joinedAt: string; admittedBy?: string };
}

export interface PartnerLeft {
  type: 'PartnerLeft';
  data: {
    consortiumId: string;
    partnerId: string;
    /** Who takes over the leaving partner's open referrals; a process reacts to re-route them. */
    successorPartnerId?: string;
    /** The open referrals at the moment of leaving, so the re-routing process needs nothing else. */
    openReferralIds: string[];
    leftAt: string;
    removedBy?: string;
  };
}

export type ConsortiumEvent = ConsortiumFormed | PartnerJoined | PartnerLeft;
