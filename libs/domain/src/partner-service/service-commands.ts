import { Actor } from '../shared/actor';
import { Capacity, ServiceDescription, WaitlistStatus } from './service-description';
import { DirectoryShare } from './directory-share';

export interface ListService extends ServiceDescription {
  type: 'ListService';
  serviceId: string;
  capacity: Capacity;
  /** Whether the actor's partner is a current consortium member (from the consortium stream). */
  partnerIsMember: boolean;
  /** The acting partner's directory share and which of this listing's terms are new to the consortium. */
  directoryShare: DirectoryShare;
  actor: Actor;
  at: string;
}

export interface UpdateService {
  type: 'UpdateService';
  changes: Partial<ServiceDescription>;
  /** The acting partner's directory share and which of the changed terms are new to the consortium. */
  directoryShare: DirectoryShare;
  actor: Actor;
  at: string;
}

export interface UpdateServiceCapacity {
  type: 'UpdateServiceCapacity';
  capacity: Capacity;
  actor: Actor;
  at: string;
}

export interface WithdrawService {
  type: 'WithdrawService';
  reason?: string;
  actor: Actor;
  at: string;
}

export interface SetServiceWaitlist {
  type: 'SetServiceWaitlist';
  status: WaitlistStatus;
  actor: Actor;
  at: string;
}

export type ServiceCommand = ListService | UpdateService | UpdateServiceCapacity | SetServiceWaitlist | WithdrawService;
