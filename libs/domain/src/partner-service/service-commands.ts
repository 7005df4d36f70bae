import { Actor } from '../shared/actor';
import { Capacity, ServiceDescription, WaitlistStatus } from './service-description';

export interface ListService extends ServiceDescription {
  type: 'ListService';
  serviceId: string;
  capacity: Capacity;
  /** Whether the actor's partner is a current consortium member (from the consortium stream). */
  partnerIsMember: boolean;
  actor: Actor;
  at: string;
}

export interface UpdateService {
  type: 'UpdateService';
  changes: Partial<ServiceDescription>;
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
