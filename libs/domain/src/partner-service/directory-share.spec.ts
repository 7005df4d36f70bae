import { given } from '../testing/given-when-then';
import { Actor } from '../shared/actor';
import { DIRECTORY_SHARE_LIMITS, DirectoryShare, DirectoryShareKind } from './directory-share';
import { ListService } from './service-commands';
import { serviceDecider } from './service-decider';
import { ServiceEvent } from './service-events';

const at = '2026-02-01T10:00:00.000Z';
const owner: Actor = { staffId: 's1', partnerId: 'p1', managesConsortium: false };
const none = { services: 0, needs: 0, communities: 0, localities: 0 };
const nothingNew = { needs: [], communities: [], localities: [] };

const listing = (directoryShare: DirectoryShare): ListService => ({
  type: 'ListService', serviceId: 'svc1', name: 'Job club', description: 'Weekly', needs: ['employment'], localities: ['Leeds'], communities: [],
  eligibility: {}, capacity: { available: 1, maximum: 1, unit: 'places' }, partnerIsMember: true, directoryShare, actor: owner, at,
});
const listed: ServiceEvent = {
  type: 'ServiceListed',
  data: { serviceId: 'svc1', partnerId: 'p1', listedAt: at, capacity: { available: 1, maximum: 1, unit: 'places' }, name: 'Job club', description: 'Weekly', needs: ['employment'], localities: ['Leeds'], communities: [], eligibility: {} },
};
const update = (directoryShare: DirectoryShare) => ({ type: 'UpdateService' as const, changes: { needs: ['employment', 'food-bank'] }, directoryShare, actor: owner, at });
const codes = (n: number, prefix = 'term') => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

describe("a partner's share of the open directory", () => {
  it('is 100 services, 40 new need codes, 40 new community codes and 200 new places', () => {
    expect(DIRECTORY_SHARE_LIMITS).toEqual({ services: 100, needs: 40, communities: 40, localities: 200 });
  });

  it('lets the 100th service be listed and refuses the 101st, naming the share and its limit', () => {
    given(serviceDecider, []).when(listing({ used: { ...none, services: 99 }, newToConsortium: nothingNew })).events();
    const refusal = given(serviceDecider, []).when(listing({ used: { ...none, services: 100 }, newToConsortium: nothingNew })).thenViolates('service.directory-share-exceeded', 'unprocessable');
    expect(refusal.details).toEqual({ share: 'services', limit: 100, used: 100, adding: 1 });
    expect(refusal.message).toMatch(/at most 100 services/);
  });

  it.each<[Exclude<DirectoryShareKind, 'services'>, number]>([
    ['needs', 40],
    ['communities', 40],
    ['localities', 200],
  ])('counts %s new to the consortium up to %i, on a listing and on an update', (kind, limit) => {
    const fits: DirectoryShare = { used: { ...none, [kind]: limit - 2 }, newToConsortium: { ...nothingNew, [kind]: codes(2) } };
    const over: DirectoryShare = { used: { ...none, [kind]: limit - 2 }, newToConsortium: { ...nothingNew, [kind]: codes(3) } };
    expect(given(serviceDecider, []).when(listing(fits)).events()).toHaveLength(1);
    expect(given(serviceDecider, [listed]).when(update(fits)).events()).toHaveLength(1);
    for (const refusal of [given(serviceDecider, []).when(listing(over)), given(serviceDecider, [listed]).when(update(over))]) {
      expect(refusal.thenViolates('service.directory-share-exceeded').details).toEqual({ share: kind, limit, used: limit - 2, adding: 3 });
    }
  });

  it('counts a code named twice in one change once', () => {
    const share: DirectoryShare = { used: { ...none, needs: 39 }, newToConsortium: { ...nothingNew, needs: ['food-bank', 'food-bank'] } };
    expect(given(serviceDecider, [listed]).when(update(share)).events()).toHaveLength(1);
  });

  it('lets a partner at or past a share change what it has, as long as the change adds nothing to that share', () => {
    const full = { services: 100, needs: 41, communities: 40, localities: 200 };
    expect(given(serviceDecider, [listed]).when(update({ used: full, newToConsortium: nothingNew })).events()).toHaveLength(1);
    given(serviceDecider, [listed])
      .when(update({ used: full, newToConsortium: { ...nothingNew, communities: ['veterans'] } }))
      .thenViolates('service.directory-share-exceeded');
  });

  it('is not asked about for a capacity change, which adds nothing to the directory', () => {
    expect(given(serviceDecider, [listed]).when({ type: 'UpdateServiceCapacity', capacity: { available: 0, maximum: 1, unit: 'places' }, actor: owner, at }).events()).toHaveLength(1);
  });
});
