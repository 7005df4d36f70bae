import type { Actor, Capacity, ServiceDescription, WaitlistStatus } from '@onedoor/domain';

export class ListServiceCommand {
  constructor(readonly serviceId: string, readonly description: ServiceDescription, readonly capacity: Capacity, readonly actor: Actor) {}
}

/** Update, capacity change, waitlist status or withdrawal of a listed service. */
export type ServiceChange =
  | { type: 'UpdateService'; changes: Partial<ServiceDescription> }
  | { type: 'UpdateServiceCapacity'; capacity: Capacity }
  | { type: 'SetServiceWaitlist'; status: WaitlistStatus }
  | { type: 'WithdrawService'; reason?: string };

export class ChangeServiceCommand {
  constructor(readonly serviceId: string, readonly change: ServiceChange, readonly actor: Actor, readonly expectedVersion?: number) {}
}
