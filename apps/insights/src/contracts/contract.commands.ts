import type { Actor, ContractCommand } from '@onedoor/domain';

type Without<C> = C extends unknown ? Omit<C, 'actor' | 'at' | 'memberPartnerIds'> : never;

/** A contract command from the API: the handler adds the clock, the actor and the current members. */
export class ContractCommandMessage {
  constructor(readonly contractId: string, readonly command: Without<ContractCommand>, readonly actor: Actor) {}
}
