import { ServiceCatalogue } from './service-catalogue';
import { Scenario, debt, jobs, seedConsortium } from './testing/scenario';

const listedAt = '2026-03-01T09:00:00.000Z';
const updatedAt = '2026-03-05T09:00:00.000Z';
const withdrawnAt = '2026-03-09T09:00:00.000Z';

describe('service catalogue', () => {
  it('lists services with their description, capacity and dates', async () => {
    const s = new Scenario();
    await seedConsortium(s);
    const [catalogue] = await s.project(new ServiceCatalogue());
    expect(catalogue.service('svc-jobs')).toEqual({
      serviceId: 'svc-jobs', partnerId: 'jobs', name: 'Into Work', description: 'One-to-one employment support and CV help',
      needs: ['employment'], localities: ['Halifax'], communities: [], eligibility: { minimumAge: 18 },
      status: 'active', capacity: { available: 10, maximum: 10, unit: 'places' }, waitlist: 'open', listedAt, updatedAt: listedAt, version: 1,
    });
    expect(catalogue.service('nope')).toBeUndefined();
  });

  it('merges updates as the domain does, tracks capacity and waitlist status, and keeps withdrawn services with their date', async () => {
    const s = new Scenario();
    await seedConsortium(s);
    await s.service('svc-jobs', { type: 'UpdateService', changes: { eligibility: { maximumAge: 64 }, localities: ['Halifax', 'Brighouse'] }, actor: jobs, at: updatedAt });
    await s.service('svc-jobs', { type: 'UpdateServiceCapacity', capacity: { available: 2, maximum: 12, unit: 'places' }, actor: jobs, at: updatedAt });
    await s.service('svc-jobs', { type: 'SetServiceWaitlist', status: 'closed', actor: jobs, at: updatedAt });
    await s.service('svc-debt', { type: 'WithdrawService', reason: 'funding ended', actor: debt, at: withdrawnAt });
    const [catalogue] = await s.project(new ServiceCatalogue());
    expect(catalogue.service('svc-jobs')).toMatchObject({
      eligibility: { minimumAge: 18, maximumAge: 64 }, localities: ['Halifax', 'Brighouse'], capacity: { available: 2, maximum: 12 }, waitlist: 'closed', updatedAt, version: 4,
    });
    expect(catalogue.service('svc-debt')).toMatchObject({ status: 'withdrawn', withdrawnAt, withdrawalReason: 'funding ended', updatedAt: withdrawnAt });
  });

  it('filters by partner, need, status and text (ignoring case and accents)', async () => {
    const s = new Scenario();
    await seedConsortium(s);
    await s.service('svc-debt', { type: 'WithdrawService', actor: debt, at: withdrawnAt });
    const [catalogue] = await s.project(new ServiceCatalogue());
    const ids = (filter: Parameters<ServiceCatalogue['services']>[0]) => catalogue.services(filter).map((x) => x.serviceId);
    expect(ids({})).toEqual(['svc-debt', 'svc-jobs']);
    expect(ids({ partnerId: 'jobs' })).toEqual(['svc-jobs']);
    expect(ids({ need: 'debt-advice' })).toEqual(['svc-debt']);
    expect(ids({ status: 'active' })).toEqual(['svc-jobs']);
    expect(ids({ text: 'DEBT  clinic' })).toEqual(['svc-debt']);
    expect(ids({ text: 'cv help' })).toEqual(['svc-jobs']);
    expect(ids({ text: 'choir' })).toEqual([]);
  });

  it('hands out copies, so a caller cannot change the catalogue', async () => {
    const s = new Scenario();
    await seedConsortium(s);
    const [catalogue] = await s.project(new ServiceCatalogue());
    catalogue.service('svc-jobs')!.needs.push('housing');
    expect(catalogue.service('svc-jobs')!.needs).toEqual(['employment']);
  });
});
