import { ConsortiumRoster } from './consortium-roster';
import { Scenario, actor, hub, seedConsortium } from './testing/scenario';

const later = '2026-05-01T09:00:00.000Z';

describe('consortium roster', () => {
  it('shows the consortium and its current members by name', async () => {
    const s = new Scenario();
    await seedConsortium(s);
    const [roster] = await s.project(new ConsortiumRoster());
    expect(roster.consortium()).toEqual({ consortiumId: 'c1', name: 'Calder Valley Wellbeing', structure: 'umbrella', formedAt: '2026-03-01T09:00:00.000Z' });
    expect(roster.partners().map((p) => p.name)).toEqual(['Calder Hub', 'Debt Advice Calder', 'Front Door Trust', 'Jobs Together']);
    expect(roster.partner('jobs')).toEqual({ partnerId: 'jobs', name: 'Jobs Together', role: 'delivery', active: true, joinedAt: '2026-03-01T09:00:00.000Z' });
    expect(roster.activePartnerIds()).toEqual(['hub', 'debt', 'front', 'jobs']);
  });

  it('keeps a partner that left as former, with its successor, and only the hub manages an umbrella', async () => {
    const s = new Scenario();
    await seedConsortium(s);
    await s.consortium({ type: 'RemovePartner', partnerId: 'debt', successorPartnerId: 'jobs', openReferralIds: [], actor: hub, at: later });
    const [roster] = await s.project(new ConsortiumRoster());
    expect(roster.partners().map((p) => p.partnerId)).not.toContain('debt');
    expect(roster.partners({ includeFormer: true }).find((p) => p.partnerId === 'debt')).toEqual({
      partnerId: 'debt', name: 'Debt Advice Calder', role: 'delivery', active: false, joinedAt: '2026-03-01T09:00:00.000Z', leftAt: later, successorPartnerId: 'jobs',
    });
    expect(roster.isActiveMember('debt')).toBe(false);
    expect(roster.isActiveMember('jobs')).toBe(true);
    expect(roster.isActiveMember('nobody')).toBe(false);
    expect(roster.managesConsortium('hub')).toBe(true);
    expect(roster.managesConsortium('jobs')).toBe(false);
  });

  it('in a partnership of equals every current member manages, a former one does not', async () => {
    const s = new Scenario();
    const at = '2026-03-01T09:00:00.000Z';
    await s.consortium({ type: 'FormConsortium', consortiumId: 'c1', name: 'Equals', structure: 'partnership-of-equals', at });
    await s.consortium({ type: 'AdmitPartner', partnerId: 'a', name: 'A', role: 'delivery', at });
    await s.consortium({ type: 'AdmitPartner', partnerId: 'b', name: 'B', role: 'delivery', actor: actor('a', true), at });
    await s.consortium({ type: 'RemovePartner', partnerId: 'b', openReferralIds: [], actor: actor('b', true), at: later });
    const [roster] = await s.project(new ConsortiumRoster());
    expect(roster.managesConsortium('a')).toBe(true);
    expect(roster.managesConsortium('b')).toBe(false);
  });

  it('is empty before the consortium is formed and after a reset', async () => {
    const s = new Scenario();
    await seedConsortium(s);
    const [roster] = await s.project(new ConsortiumRoster());
    roster.reset();
    expect(roster.consortium()).toBeUndefined();
    expect(roster.partners({ includeFormer: true })).toEqual([]);
  });
});
