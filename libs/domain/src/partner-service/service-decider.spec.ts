import { given } from '../testing/given-when-then';
import { serviceDecider } from './service-decider';
import { ListService } from './service-commands';
import { ServiceEvent } from './service-events';
import { Actor } from '../shared/actor';
import { isClosedToReferrals } from './service-state';
import { UNUSED_DIRECTORY_SHARE } from '../testing/unused-directory-share';

const at = '2026-02-01T10:00:00.000Z';
const owner: Actor = { staffId: 's1', partnerId: 'p1', managesConsortium: false };
const other: Actor = { staffId: 's2', partnerId: 'p2', managesConsortium: true };
const listing: ListService = {
  type: 'ListService',
  serviceId: 'svc1',
  name: 'Job club',
  description: 'Weekly job search support',
  needs: ['employment'],
  localities: ['Leeds'],
  communities: [],
  eligibility: { minimumAge: 16, maximumAge: 64 },
  capacity: { available: 5, maximum: 10, unit: 'places' },
  partnerIsMember: true,
  directoryShare: UNUSED_DIRECTORY_SHARE,
  actor: owner,
  at,
};
const listed: ServiceEvent = {
  type: 'ServiceListed',
  data: {
    serviceId: 'svc1', partnerId: 'p1', listedAt: at, capacity: listing.capacity,
    name: 'Job club', description: 'Weekly job search support', needs: ['employment'], localities: ['Leeds'], communities: [], eligibility: { minimumAge: 16, maximumAge: 64 },
  },
};

describe('partner services', () => {
  it('are listed by a member partner', () => {
    given(serviceDecider, []).when(listing).then([listed]);
  });
  it('cannot be listed by a partner outside the consortium', () => {
    given(serviceDecider, []).when({ ...listing, partnerIsMember: false }).thenViolates('service.partner-not-member', 'forbidden');
  });
  it('cannot be listed twice', () => {
    given(serviceDecider, [listed]).when(listing).thenViolates('service.already-listed', 'conflict');
  });
  it.each([
    [{ name: ' ' }, 'service.name-required'],
    [{ needs: [] }, 'service.needs-required'],
    [{ eligibility: { minimumAge: 30, maximumAge: 20 } }, 'service.age-range-inverted'],
    [{ eligibility: { minimumAge: -1 } }, 'service.age-out-of-range'],
    [{ capacity: { available: 11, maximum: 10, unit: 'places' } }, 'service.capacity-exceeds-maximum'],
    [{ capacity: { available: -1, maximum: 10, unit: 'places' } }, 'service.capacity-available-invalid'],
    [{ capacity: { available: 1, maximum: 1.5, unit: 'places' } }, 'service.capacity-maximum-invalid'],
    [{ capacity: { available: 1, maximum: 1, unit: 'beds' } }, 'service.capacity-unit-unknown'],
  ])('rejects a listing with %j', (change, rule) => {
    given(serviceDecider, []).when({ ...listing, ...(change as object) } as ListService).thenViolates(rule);
  });
  it('are updated by their partner', () => {
    given(serviceDecider, [listed])
      .when({ type: 'UpdateService', directoryShare: UNUSED_DIRECTORY_SHARE, changes: { name: 'Job club plus' }, actor: owner, at })
      .then([{ type: 'ServiceUpdated', data: { serviceId: 'svc1', updatedAt: at, changes: { name: 'Job club plus' } } }]);
  });
  it('an update keeps the age range consistent with what is already there', () => {
    given(serviceDecider, [listed]).when({ type: 'UpdateService', directoryShare: UNUSED_DIRECTORY_SHARE, changes: { eligibility: { minimumAge: 70 } }, actor: owner, at }).thenViolates('service.age-range-inverted');
  });
  it('an absent field in an update keeps the stored value, so the age range is checked against it', () => {
    given(serviceDecider, [listed]).when({ type: 'UpdateService', directoryShare: UNUSED_DIRECTORY_SHARE, changes: { eligibility: { minimumAge: undefined, maximumAge: 10 } }, actor: owner, at }).thenViolates('service.age-range-inverted');
    given(serviceDecider, [listed]).when({ type: 'UpdateService', directoryShare: UNUSED_DIRECTORY_SHARE, changes: { name: undefined }, actor: owner, at }).thenViolates('service.no-changes');
  });
  it('an empty update is refused', () => {
    given(serviceDecider, [listed]).when({ type: 'UpdateService', directoryShare: UNUSED_DIRECTORY_SHARE, changes: {}, actor: owner, at }).thenViolates('service.no-changes');
  });
  it('only the owning partner changes a service', () => {
    given(serviceDecider, [listed]).when({ type: 'WithdrawService', actor: other, at }).thenViolates('service.only-owner-changes', 'forbidden');
  });
  it('capacity is updated', () => {
    given(serviceDecider, [listed])
      .when({ type: 'UpdateServiceCapacity', capacity: { available: 0, maximum: 10, unit: 'places' }, actor: owner, at })
      .then([{ type: 'ServiceCapacityUpdated', data: { serviceId: 'svc1', updatedAt: at, capacity: { available: 0, maximum: 10, unit: 'places' } } }]);
  });
  describe('waitlist status', () => {
    const closed: ServiceEvent = { type: 'ServiceWaitlistChanged', data: { serviceId: 'svc1', changedAt: at, status: 'closed' } };
    const full: ServiceEvent = { type: 'ServiceCapacityUpdated', data: { serviceId: 'svc1', updatedAt: at, capacity: { available: 0, maximum: 10, unit: 'places' } } };
    it('starts open; the owning partner closes and reopens it', () => {
      given(serviceDecider, [listed]).when({ type: 'SetServiceWaitlist', status: 'closed', actor: owner, at }).then([closed]);
      given(serviceDecider, [listed, closed]).when({ type: 'SetServiceWaitlist', status: 'open', actor: owner, at }).then([
        { type: 'ServiceWaitlistChanged', data: { serviceId: 'svc1', changedAt: at, status: 'open' } },
      ]);
    });
    it('setting the status it already has writes nothing', () => {
      given(serviceDecider, [listed]).when({ type: 'SetServiceWaitlist', status: 'open', actor: owner, at }).then([]);
      given(serviceDecider, [listed, closed]).when({ type: 'SetServiceWaitlist', status: 'closed', actor: owner, at }).then([]);
    });
    it('refuses an unknown status, another partner, and a withdrawn service', () => {
      given(serviceDecider, [listed]).when({ type: 'SetServiceWaitlist', status: 'paused' as never, actor: owner, at }).thenViolates('service.waitlist-status-unknown');
      given(serviceDecider, [listed]).when({ type: 'SetServiceWaitlist', status: 'closed', actor: other, at }).thenViolates('service.only-owner-changes', 'forbidden');
      const withdrawn: ServiceEvent = { type: 'ServiceWithdrawn', data: { serviceId: 'svc1', withdrawnAt: at } };
      given(serviceDecider, [listed, withdrawn]).when({ type: 'SetServiceWaitlist', status: 'closed', actor: owner, at }).thenViolates('service.withdrawn', 'conflict');
    });
    it('closes the service to referrals only while it is full', () => {
      const fold = (events: ServiceEvent[]) => events.reduce(serviceDecider.evolve, serviceDecider.initialState);
      expect(isClosedToReferrals(fold([listed, closed]))).toBe(false);
      expect(isClosedToReferrals(fold([listed, full]))).toBe(false);
      expect(isClosedToReferrals(fold([listed, full, closed]))).toBe(true);
      expect(isClosedToReferrals(fold([listed, closed, full]))).toBe(true);
    });
  });
  it('are withdrawn, and then cannot change', () => {
    const withdrawn: ServiceEvent = { type: 'ServiceWithdrawn', data: { serviceId: 'svc1', withdrawnAt: at, reason: 'funding ended' } };
    given(serviceDecider, [listed]).when({ type: 'WithdrawService', reason: 'funding ended', actor: owner, at }).then([withdrawn]);
    given(serviceDecider, [listed, withdrawn]).when({ type: 'UpdateService', directoryShare: UNUSED_DIRECTORY_SHARE, changes: { name: 'x' }, actor: owner, at }).thenViolates('service.withdrawn', 'conflict');
    given(serviceDecider, [listed, withdrawn]).when({ type: 'WithdrawService', actor: owner, at }).thenViolates('service.withdrawn', 'conflict');
  });
  it('an unknown service is not found', () => {
    given(serviceDecider, []).when({ type: 'WithdrawService', actor: owner, at }).thenViolates('service.not-found', 'not-found');
  });
});
