import { DirectoryShares } from './directory-shares';
import { Scenario, debt, jobs, seedConsortium } from './testing/scenario';

const at = '2026-03-02T09:00:00.000Z';

describe('directory shares', () => {
  it("counts each partner's services and the terms and places it was first to use", async () => {
    const s = new Scenario();
    await seedConsortium(s);
    const [shares] = await s.project(new DirectoryShares());
    expect(shares.shareOf('jobs', {}).used).toEqual({ services: 1, needs: 1, communities: 0, localities: 1 });
    // Halifax was jobs' first, so debt is credited with Todmorden only.
    expect(shares.shareOf('debt', {}).used).toEqual({ services: 1, needs: 1, communities: 1, localities: 1 });
    expect(shares.shareOf('front', {}).used).toEqual({ services: 0, needs: 0, communities: 0, localities: 0 });
  });

  it("names which of a change's terms no partner has used, trimmed and once each", async () => {
    const s = new Scenario();
    await seedConsortium(s);
    const [shares] = await s.project(new DirectoryShares());
    expect(shares.shareOf('front', { needs: ['employment', 'food-bank', 'food-bank'], communities: ['carers', ' veterans '], localities: ['Halifax', 'HX7'] }).newToConsortium).toEqual({
      needs: ['food-bank'], communities: ['veterans'], localities: ['HX7'],
    });
  });

  it('counts terms an update brings in, keeps counting withdrawn services, and does not count a term twice', async () => {
    const s = new Scenario();
    await seedConsortium(s);
    await s.service('svc-jobs', { type: 'UpdateService', changes: { needs: ['food-bank', 'debt-advice'], localities: ['Elland'] }, actor: jobs, at });
    await s.service('svc-jobs', { type: 'UpdateService', changes: { needs: ['employment'] }, actor: jobs, at });
    await s.service('svc-debt', { type: 'WithdrawService', actor: debt, at });
    const [shares] = await s.project(new DirectoryShares());
    expect(shares.shareOf('jobs', {}).used).toEqual({ services: 1, needs: 2, communities: 0, localities: 2 });
    expect(shares.shareOf('debt', {}).used.services).toBe(1);
  });

  it('forgets everything on reset, ready for a rebuild', async () => {
    const s = new Scenario();
    await seedConsortium(s);
    const [shares] = await s.project(new DirectoryShares());
    shares.reset();
    expect(shares.shareOf('jobs', { needs: ['employment'] })).toEqual({ used: { services: 0, needs: 0, communities: 0, localities: 0 }, newToConsortium: { needs: ['employment'], communities: [], localities: [] } });
  });
});
