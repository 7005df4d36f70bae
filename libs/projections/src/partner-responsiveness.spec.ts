import { PartnerResponsiveness } from './partner-responsiveness';
import { dayAt, routed, seededWithPerson } from './referral-flow.fixtures';
import { debt, front, hub, jobs, target } from './testing/scenario';

describe('partner responsiveness', () => {
  it('gives the median hours from routed to accepted and the acceptance rate over the last 90 days', async () => {
    const s = await seededWithPerson();
    const accept = async (id: string, at: string) => s.referral(id, { type: 'AcceptReferral', person: await s.facts('p1'), actor: jobs, at });
    await routed(s, 'r1', target('jobs', 'svc-jobs'), dayAt(4, 1, 9));
    await accept('r1', dayAt(4, 1, 13)); // 4 hours
    await routed(s, 'r2', target('jobs', 'svc-jobs'), dayAt(4, 2, 9));
    await accept('r2', dayAt(4, 4, 9)); // 48 hours
    await routed(s, 'r3', target('jobs', 'svc-jobs'), dayAt(4, 3, 9));
    await accept('r3', dayAt(4, 3, 19)); // 10 hours
    await routed(s, 'r4', target('jobs', 'svc-jobs'), dayAt(4, 3, 9));
    await s.referral('r4', { type: 'RejectReferral', reason: { code: 'not-eligible' }, actor: jobs, at: dayAt(4, 5) });
    await routed(s, 'r5', target('jobs', 'svc-jobs'), dayAt(4, 6)); // not answered yet: no effect
    const [responsiveness] = await s.project(new PartnerResponsiveness());

    expect(responsiveness.of('jobs', dayAt(4, 30))).toEqual({ answered: 4, accepted: 3, acceptanceRate: 0.75, medianHoursToAccept: 10 });
    expect(responsiveness.of('debt', dayAt(4, 30))).toEqual({ answered: 0, accepted: 0 });
    // 90 days on from the first answers, only the later ones remain in the window.
    expect(responsiveness.of('jobs', dayAt(7, 3, 8))).toEqual({ answered: 2, accepted: 1, acceptanceRate: 0.5, medianHoursToAccept: 48 });
    expect(responsiveness.of('jobs', dayAt(12, 1))).toEqual({ answered: 0, accepted: 0 });
  });

  it('charges a re-routed referral to the partner it went to, and ignores cancelled ones', async () => {
    const s = await seededWithPerson();
    await routed(s, 'r1', target('debt', 'svc-debt'), dayAt(4, 1));
    await s.referral('r1', { type: 'RejectReferral', reason: { code: 'out-of-area' }, actor: debt, at: dayAt(4, 2) });
    await s.referral('r1', { type: 'RouteReferral', target: target('jobs', 'svc-jobs'), person: await s.facts('p1'), actor: front, at: dayAt(4, 3) });
    await s.referral('r1', { type: 'AcceptReferral', person: await s.facts('p1'), actor: jobs, at: dayAt(4, 3, 15) });
    await routed(s, 'r2', target('jobs', 'svc-jobs'), dayAt(4, 3));
    await s.referral('r2', { type: 'CancelReferral', reason: { code: 'duplicate' }, actor: front, at: dayAt(4, 4) });
    const [responsiveness] = await s.project(new PartnerResponsiveness());
    expect(responsiveness.of('debt', dayAt(4, 10))).toEqual({ answered: 1, accepted: 0, acceptanceRate: 0 });
    expect(responsiveness.of('jobs', dayAt(4, 10))).toEqual({ answered: 1, accepted: 1, acceptanceRate: 1, medianHoursToAccept: 6 });
  });

  it('moves an unanswered referral to the successor of a partner that leaves', async () => {
    const s = await seededWithPerson();
    await routed(s, 'r1', target('debt', 'svc-debt'), dayAt(4, 1));
    await s.referral('r1', { type: 'ReassignOnPartnerExit', leavingPartnerId: 'debt', successorPartnerId: 'jobs', person: await s.facts('p1'), actor: hub, at: dayAt(4, 2) });
    await s.referral('r1', { type: 'AcceptReferral', person: await s.facts('p1'), actor: jobs, at: dayAt(4, 3) });
    const [responsiveness] = await s.project(new PartnerResponsiveness());
    expect(responsiveness.of('jobs', dayAt(4, 4))).toEqual({ answered: 1, accepted: 1, acceptanceRate: 1, medianHoursToAccept: 48 });
    expect(responsiveness.of('debt', dayAt(4, 4))).toEqual({ answered: 0, accepted: 0 });
  });
});
