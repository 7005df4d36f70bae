import { Decider } from '../shared/decider';
import { ensure } from '../shared/rule-violation';
import { definedOnly } from '../shared/defined-only';
import { ServiceCommand } from './service-commands';
import { ServiceEvent } from './service-events';
import { ServiceState, initialServiceState } from './service-state';
import { ensureWithinDirectoryShare } from './directory-share';
import { WAITLIST_STATUSES, ensureValidCapacity, ensureValidDescription } from './service-description';

function decide(command: ServiceCommand, state: ServiceState): ServiceEvent[] {
  if (command.type === 'ListService') {
    ensure(state.status === 'unlisted', 'service.already-listed', 'this service is already listed', 'conflict');
    ensure(command.partnerIsMember, 'service.partner-not-member', 'only a current consortium member lists services', 'forbidden');
    const { type, actor, at, partnerIsMember, directoryShare, serviceId, capacity, ...description } = command;
    ensureValidDescription(description);
    ensureValidCapacity(capacity);
    ensureWithinDirectoryShare(directoryShare, true);
    return [{ type: 'ServiceListed', data: { serviceId, partnerId: actor.partnerId, listedAt: at, capacity, ...description } }];
  }
  ensure(state.status !== 'unlisted', 'service.not-found', 'no such service', 'not-found');
  ensure(command.actor.partnerId === state.partnerId, 'service.only-owner-changes', 'only the partner that offers a service changes it', 'forbidden');
  ensure(state.status === 'active', 'service.withdrawn', 'this service has been withdrawn', 'conflict');
  const serviceId = state.serviceId!;
  switch (command.type) {
    case 'UpdateService': {
      const changes = definedOnly(command.changes);
      ensure(Object.keys(changes).length > 0, 'service.no-changes', 'an update needs at least one change');
      ensureValidDescription({ ...changes, eligibility: { ...state.description!.eligibility, ...changes.eligibility } });
      ensureWithinDirectoryShare(command.directoryShare, false);
      return [{ type: 'ServiceUpdated', data: { serviceId, updatedAt: command.at, changes } }];
    }
    case 'UpdateServiceCapacity':
      ensureValidCapacity(command.capacity);
      return [{ type: 'ServiceCapacityUpdated', data: { serviceId, updatedAt: command.at, capacity: command.capacity } }];
    case 'SetServiceWaitlist':
      ensure(WAITLIST_STATUSES.includes(command.status), 'service.waitlist-status-unknown', `waitlist status must be one of ${WAITLIST_STATUSES.join(', ')}`);
      // Setting the status it already has changes nothing: a retry or a second click writes no event.
      if (command.status === state.waitlist) return [];
      return [{ type: 'ServiceWaitlistChanged', data: { serviceId, changedAt: command.at, status: command.status } }];
    case 'WithdrawService':
      return [{ type: 'ServiceWithdrawn', data: { serviceId, withdrawnAt: command.at, reason: command.reason } }];
  }
}

function evolve(state: ServiceState, event: ServiceEvent): ServiceState {
  switch (event.type) {
    case 'ServiceListed': {
      const { serviceId, partnerId, listedAt, capacity, ...description } = event.data;
      return { ...state, status: 'active', serviceId, partnerId, description, capacity };
    }
    case 'ServiceUpdated': {
      const changes = event.data.changes;
      const eligibility = { ...state.description!.eligibility, ...changes.eligibility };
      return { ...state, description: { ...state.description!, ...changes, eligibility } };
    }
    case 'ServiceCapacityUpdated':
      return { ...state, capacity: event.data.capacity };
    case 'ServiceWaitlistChanged':
      return { ...state, waitlist: event.data.status };
    case 'ServiceWithdrawn':
      return { ...state, status: 'withdrawn' };
  }
}

export const serviceDecider: Decider<ServiceCommand, ServiceEvent, ServiceState> = { initialState: initialServiceState, decide, evolve };
