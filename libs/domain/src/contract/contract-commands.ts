import { Actor } from '../shared/actor';
import { ContractPeriod, ContractTerms } from './contract-terms';

interface Base {
  actor: Actor;
  at: string;
  /** Current consortium members (from the roster), to check the partners a command names. */
  memberPartnerIds: string[];
}

export interface AgreeContract extends Base, ContractTerms {
  type: 'AgreeContract';
  contractId: string;
  name: string;
  commissioner: string;
  period: ContractPeriod;
}

export interface AmendContract extends Base {
  type: 'AmendContract';
  amendmentId: string;
  effectiveFrom: string;
  reason: string;
  changes: Partial<ContractTerms>;
}

export interface AdjustClaim extends Base {
  type: 'AdjustClaim';
  adjustmentId: string;
  partnerId: string;
  month: string;
  amountPence: number;
  reason: string;
}

export interface ClawBackClaim extends Base {
  type: 'ClawBackClaim';
  clawbackId: string;
  partnerId: string;
  month: string;
  amountPence: number;
  reason: string;
  participantId?: string;
  milestoneId?: string;
}

export type ContractCommand = AgreeContract | AmendContract | AdjustClaim | ClawBackClaim;
