import { Decider } from '../shared/decider';
import { ensure, RuleViolation } from '../shared/rule-violation';
import { ConsortiumCommand } from './consortium-commands';
import { ConsortiumEvent } from './consortium-events';
import { ConsortiumState, initialConsortiumState, activeMembers, isActiveMember } from './consortium-state';
import { CONSORTIUM_STRUCTURES, PARTNER_ROLES, ensureRoleFits, managingRoleOf } from './consortium-structure';

function decide(command: ConsortiumCommand, state: ConsortiumState): ConsortiumEvent[] {
  if (command.type === 'FormConsortium') {
    if (command.actor && activeMembers(state).length > 0) ensure(command.actor.managesConsortium, 'consortium.only-manager-forms', 'only the managing partner acts on the consortium itself', 'forbidden');
    ensure(!state.formed, 'consortium.already-formed', 'the consortium is already formed', 'conflict');
    ensure(command.name.trim().length > 0, 'consortium.name-required', 'a consortium needs a name');
    ensure(CONSORTIUM_STRUCTURES.includes(command.structure), 'consortium.structure-unknown', `structure must be one of ${CONSORTIUM_STRUCTURES.join(', ')}`);
    return [{ type: 'ConsortiumFormed', data: { consortiumId: command.consortiumId, name: command.name.trim(), structure: command.structure, formedAt: command.at } }];
  }
  ensure(state.formed, 'consortium.not-formed', 'the consortium has not been formed yet', 'conflict');
  const consortiumId = state.consortiumId!;

  if (command.type === 'AdmitPartner') {
    ensureManagerActs(state, command.actor);
    ensure(!isActiveMember(state, command.partnerId), 'consortium.already-member', `partner ${command.partnerId} is already a member`, 'conflict');
    ensure(command.name.trim().length > 0, 'consortium.partner-name-required', 'a partner needs a name');
    ensure(PARTNER_ROLES.includes(command.role), 'consortium.role-unknown', `role must be one of ${PARTNER_ROLES.join(', ')}`);
    const managing = managingRoleOf(state.structure!);
    ensureRoleFits(state.structure!, command.role, activeMembers(state).some((m) => m.role === managing));
    return [{ type: 'PartnerJoined', data: { consortiumId, partnerId: command.partnerId, name: command.name.trim(), role: command.role, joinedAt: command.at, admittedBy: command.actor?.partnerId } }];
  }

  // RemovePartner: a partner leaves (itself, or removed by the managing partner).
  ensure(isActiveMember(state, command.partnerId), 'consortium.not-a-member', `partner ${command.partnerId} is not a current member`, 'not-found');
  ensure(
    command.actor.partnerId === command.partnerId || command.actor.managesConsortium,
    'consortium.only-self-or-manager-removes',
    'a partner leaves by its own decision or is removed by the managing partner',
    'forbidden',
  );
  const { successorPartnerId } = command;
  if (successorPartnerId !== undefined) {
    ensure(successorPartnerId !== command.partnerId, 'consortium.successor-is-leaver', 'a partner cannot succeed itself');
    ensure(isActiveMember(state, successorPartnerId), 'consortium.successor-not-member', `successor ${successorPartnerId} is not a current member`);
  } else if (command.openReferralIds.length > 0) {
    throw new RuleViolation(
      'consortium.open-referrals-need-successor',
      `partner ${command.partnerId} has ${command.openReferralIds.length} open referral(s); name a successor partner to take them`,
      'conflict',
      { openReferrals: command.openReferralIds.length },
    );
  }
  return [{ type: 'PartnerLeft', data: { consortiumId, partnerId: command.partnerId, successorPartnerId, openReferralIds: [...command.openReferralIds], leftAt: command.at, removedBy: command.actor.partnerId } }];
}

/** Once a consortium has members, only its managing partner(s) admit new ones. */
function ensureManagerActs(state: ConsortiumState, actor: { managesConsortium: boolean } | undefined): void {
  if (activeMembers(state).length === 0) return;
  ensure(actor?.managesConsortium, 'consortium.only-manager-admits', 'only the managing partner admits partners', 'forbidden');
}

function evolve(state: ConsortiumState, event: ConsortiumEvent): ConsortiumState {
  switch (event.type) {
    case 'ConsortiumFormed':
      return { ...state, formed: true, consortiumId: event.data.consortiumId, name: event.data.name, structure: event.data.structure };
    case 'PartnerJoined':
      return { ...state, partners: { ...state.partners, [event.data.partnerId]: { partnerId: event.data.partnerId, name: event.data.name, role: event.data.role, active: true } } };
    case 'PartnerLeft':
      return { ...state, partners: { ...state.partners, [event.data.partnerId]: { ...state.partners[event.data.partnerId], active: false } } };
  }
}

export const consortiumDecider: Decider<ConsortiumCommand, ConsortiumEvent, ConsortiumState> = {
  initialState: initialConsortiumState,
  decide,
  evolve,
};
