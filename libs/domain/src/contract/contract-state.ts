import { ContractPeriod, ContractTerms } from './contract-terms';
import { ContractTimeline, TermsVersion } from './contract-timeline';

export interface ContractState {
  exists: boolean;
  contractId?: string;
  name?: string;
  commissioner?: string;
  hubPartnerId?: string;
  period?: ContractPeriod;
  agreed?: ContractTerms;
  amendments: TermsVersion[];
  /** Ids of amendments, adjustments and clawbacks recorded, so a retry is refused rather than counted twice. */
  recordedIds: string[];
}

export const initialContractState: ContractState = { exists: false, amendments: [], recordedIds: [] };

export function timelineOf(state: ContractState): ContractTimeline {
  return ContractTimeline.of(state.period!, state.agreed!, state.amendments);
}
