import { dayAt, routed, seededWithPerson } from './referral-flow.fixtures';
import { ServiceLoad } from './service-load';
import { debt, front, jobs, target } from './testing/scenario';

describe('service load', () => {
  it('counts open referrals per service and receiving partner, and which of them are on its waitlist', async () => {
    const s = await seededWithPerson();
    await routed(s, 'r1', target('jobs', 'svc-jobs'), dayAt(4, 1));
    await routed(s, 'r2', target('jobs', 'svc-jobs', true), dayAt(4, 1));
    await routed(s, 'r3', target('debt', 'svc-debt', true), dayAt(4, 1));
    await s.referral('r1', { type: 'AcceptReferral', person: await s.facts('p1'), actor: jobs, at: dayAt(4, 2) });
    const [load] = await s.project(new ServiceLoad());
    expect(load.ofService('svc-jobs')).toEqual({ open: 2, waitlisted: 1 });
    expect(load.ofPartner('jobs')).toEqual({ open: 2, waitlisted: 1 });
    expect(load.ofService('svc-debt')).toEqual({ open: 1, waitlisted: 1 });
    expect(load.ofService('unknown')).toEqual({ open: 0, waitlisted: 0 });
  });

  it('stops counting a referral once it is closed, and follows a re-route to the new service', async () => {
    const s = await seededWithPerson();
    await routed(s, 'r1', target('debt', 'svc-debt', true), dayAt(4, 1));
    await routed(s, 'r2', target('jobs', 'svc-jobs'), dayAt(4, 1));
    await s.referral('r1', { type: 'RejectReferral', reason: { code: 'no-capacity' }, actor: debt, at: dayAt(4, 2) });
    await s.referral('r2', { type: 'CancelReferral', reason: { code: 'declined-by-person' }, actor: front, at: dayAt(4, 2) });
    const [afterClosing] = await s.project(new ServiceLoad());
    expect([afterClosing.ofService('svc-debt'), afterClosing.ofService('svc-jobs')]).toEqual([{ open: 0, waitlisted: 0 }, { open: 0, waitlisted: 0 }]);

    await s.referral('r1', { type: 'RouteReferral', target: target('jobs', 'svc-jobs'), person: await s.facts('p1'), actor: front, at: dayAt(4, 3) });
    const [rerouted] = await s.project(new ServiceLoad());
    expect(rerouted.ofService('svc-jobs')).toEqual({ open: 1, waitlisted: 0 });
    expect(rerouted.ofPartner('debt')).toEqual({ open: 0, waitlisted: 0 });
  });

  it('rebuilds to the same counts, and forgets them on reset', async () => {
    const s = await seededWithPerson();
    await routed(s, 'r1', target('jobs', 'svc-jobs', true), dayAt(4, 1));
    const [a, b] = await s.project(new ServiceLoad(), new ServiceLoad());
    expect(a.ofService('svc-jobs')).toEqual(b.ofService('svc-jobs'));
    a.reset();
    expect(a.ofService('svc-jobs')).toEqual({ open: 0, waitlisted: 0 });
  });
});
