import { ActedBy } from '../referral/referral-events';
import { ContractPeriod, ContractTerms } from './contract-terms';

type ContractEventOf<T extends string, D> = { type: T; data: { contractId: string; at: string; by: ActedBy } & D };

/** The commissioner's contract as the hub agreed it; `by.partnerId` is the hub that holds it. */
export type ContractAgreed = ContractEventOf<'ContractAgreed', { name: string; commissioner: string; hubPartnerId: string; period: ContractPeriod } & ContractTerms>;

/** Terms replaced from `effectiveFrom` (the first of a month) on; earlier months keep the terms they had. */
export type ContractAmended = ContractEventOf<'ContractAmended', { amendmentId: string; effectiveFrom: string; reason: string; changes: Partial<ContractTerms> }>;

/** The hub corrects a partner's claim for a month, up or down, with its reason. */
export type ClaimAdjusted = ContractEventOf<'ClaimAdjusted', { adjustmentId: string; partnerId: string; month: string; amountPence: number; reason: string }>;

/** The hub takes back money already claimed (e.g. evidence later found wanting); `amountPence` is what is taken back, above zero. */
export type ClaimClawedBack = ContractEventOf<
  'ClaimClawedBack',
  { clawbackId: string; partnerId: string; month: string; amountPence: number; reason: string; participantId?: string; milestoneId?: string }
>;

export type ContractEvent = ContractAgreed | ContractAmended | ClaimAdjusted | ClaimClawedBack;
