import type { Actor, ConsortiumStructure, PartnerRole } from '@onedoor/domain';

export class FormConsortiumCommand {
  constructor(readonly name: string, readonly structure: ConsortiumStructure, readonly actor?: Actor) {}
}

export class AdmitPartnerCommand {
  constructor(readonly partnerId: string, readonly name: string, readonly role: PartnerRole, readonly actor?: Actor) {}
}

export class RemovePartnerCommand {
  constructor(readonly partnerId: string, readonly successorPartnerId: string | undefined, readonly actor: Actor) {}
}
