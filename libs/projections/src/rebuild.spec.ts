import { ConsortiumRoster } from './consortium-roster';
import { PersonRegister } from './person-register';
import { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { ReferralBook } from './referral-book';
import { ServiceCatalogue } from './service-catalogue';
import { Scenario } from './testing/scenario';
import { busyMonth, day } from './testing/busy-month';

const readModels = (s: Scenario): Projection[] => [new ConsortiumRoster(), new ServiceCatalogue(), new PersonRegister(s.vault), new ReferralBook(s.vault)];

describe('rebuilding read models from the log', () => {
  it('gives identical read models every time it runs from zero', async () => {
    const s = new Scenario();
    await busyMonth(s);
    const first = await s.project(...readModels(s));
    const second = await s.project(...readModels(s));
    expect(second).toEqual(first);

    // The same instances, restarted from zero, reset and come back the same too.
    const runner = new ProjectionRunner(s.store, first);
    runner.start();
    await runner.waitFor(await s.store.headPosition());
    await runner.stop();
    expect(first).toEqual(second);

    const [roster, catalogue, register, book] = first as [ConsortiumRoster, ServiceCatalogue, PersonRegister, ReferralBook];
    expect(roster.isActiveMember('debt')).toBe(false);
    expect(catalogue.service('svc-debt')!.status).toBe('withdrawn');
    expect(register.possibleDuplicates('Amira', 'Khan', '1990-05-04')).toEqual([]);
    expect(register.details('p-zoe')).toMatchObject({ phone: '01422 000000' });
    expect(book.referral('r2')).toMatchObject({ receivingPartnerId: 'jobs', status: 'requested' });
    expect(book.worklist('jobs', { now: day(6) }).byStatus).toMatchObject({ 'in-progress': 1, requested: 1 });
  });
});
