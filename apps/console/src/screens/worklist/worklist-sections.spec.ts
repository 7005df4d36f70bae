import type { ReferralStatus, WorklistItem } from '../../api/types';
import { worklistSections } from './worklist-sections';

let next = 0;
const item = (status: ReferralStatus, role: WorklistItem['role'], overrides: Partial<WorklistItem> = {}): WorklistItem => ({
  referralId: `ref-${(next += 1)}`,
  personId: 'per-1',
  status,
  role,
  needs: ['housing'],
  urgency: 'routine',
  overdue: false,
  waitlisted: false,
  updatedAt: '2026-03-10T09:00:00Z',
  ...overrides,
});
const ids = (items: WorklistItem[]) => items.map((i) => i.referralId);

describe('worklistSections', () => {
  it('puts each referral in the section where this partner has to act on it', () => {
    const waiting = item('requested', 'receiving', { respondBy: '2026-03-12T09:00:00Z' });
    const accepted = item('accepted', 'receiving');
    const inProgress = item('in-progress', 'receiving');
    const onHold = item('on-hold', 'receiving');
    const sentRequested = item('requested', 'referring');
    const sentAccepted = item('accepted', 'referring');
    const sentRejected = item('rejected', 'referring');
    const sentDraft = item('draft', 'referring');
    const completed = item('completed', 'receiving');
    const failed = item('failed', 'referring');
    const cancelled = item('cancelled', 'receiving');
    const voided = item('entered-in-error', 'referring');
    const sections = worklistSections([waiting, accepted, inProgress, onHold, sentRequested, sentAccepted, sentRejected, sentDraft, completed, failed, cancelled, voided]);
    expect(ids(sections.respond)).toEqual([waiting.referralId]);
    expect(new Set(ids(sections.working))).toEqual(new Set(ids([accepted, inProgress, onHold])));
    expect(new Set(ids(sections.sent))).toEqual(new Set(ids([sentRequested, sentAccepted, sentRejected, sentDraft])));
    expect(new Set(ids(sections.closed))).toEqual(new Set(ids([completed, failed, cancelled, voided])));
  });

  it('does not count a referral this partner rejected as work in hand; it is closed from its side', () => {
    const rejected = item('rejected', 'receiving');
    const sections = worklistSections([rejected]);
    expect(sections.working).toEqual([]);
    expect(sections.respond).toEqual([]);
    expect(sections.sent).toEqual([]);
    expect(ids(sections.closed)).toEqual([rejected.referralId]);
  });

  it('lists every item exactly once', () => {
    const statuses: ReferralStatus[] = ['draft', 'requested', 'accepted', 'in-progress', 'on-hold', 'rejected', 'completed', 'failed', 'cancelled', 'entered-in-error'];
    const items = statuses.flatMap((s) => [item(s, 'receiving'), item(s, 'referring')]).filter((i) => !(i.status === 'draft' && i.role === 'receiving'));
    const sections = worklistSections(items);
    const listed = [...sections.respond, ...sections.working, ...sections.sent, ...sections.closed].map((i) => i.referralId);
    expect(listed.sort()).toEqual(ids(items).sort());
  });

  it('asks for a response to the overdue first, then to the least time left, urgent first on the same date', () => {
    const later = item('requested', 'receiving', { respondBy: '2026-03-20T09:00:00Z' });
    const sooner = item('requested', 'receiving', { respondBy: '2026-03-15T09:00:00Z' });
    const overdue = item('requested', 'receiving', { respondBy: '2026-03-18T09:00:00Z', overdue: true });
    const sameDateRoutine = item('requested', 'receiving', { respondBy: '2026-03-16T09:00:00Z' });
    const sameDateUrgent = item('requested', 'receiving', { respondBy: '2026-03-16T09:00:00Z', urgency: 'urgent' });
    const noDate = item('requested', 'receiving');
    const sections = worklistSections([noDate, later, sameDateRoutine, sooner, sameDateUrgent, overdue]);
    expect(ids(sections.respond)).toEqual(ids([overdue, sooner, sameDateUrgent, sameDateRoutine, later, noDate]));
  });

  it('sorts the referrals sent by due date too', () => {
    const later = item('requested', 'referring', { respondBy: '2026-03-20T09:00:00Z' });
    const overdue = item('requested', 'referring', { respondBy: '2026-03-01T09:00:00Z', overdue: true });
    const draft = item('draft', 'referring');
    expect(ids(worklistSections([draft, later, overdue]).sent)).toEqual(ids([overdue, later, draft]));
  });

  it('shows the most recently changed first in work in hand and closed', () => {
    const old = item('accepted', 'receiving', { updatedAt: '2026-03-01T09:00:00Z' });
    const recent = item('in-progress', 'receiving', { updatedAt: '2026-03-09T09:00:00Z' });
    const closedOld = item('completed', 'receiving', { updatedAt: '2026-02-01T09:00:00Z' });
    const closedRecent = item('cancelled', 'referring', { updatedAt: '2026-02-03T09:00:00Z' });
    const sections = worklistSections([old, closedOld, recent, closedRecent]);
    expect(ids(sections.working)).toEqual(ids([recent, old]));
    expect(ids(sections.closed)).toEqual(ids([closedRecent, closedOld]));
  });

  it('does not reorder the list it was given', () => {
    const items = [item('requested', 'receiving', { respondBy: '2026-03-20T09:00:00Z' }), item('requested', 'receiving', { respondBy: '2026-03-10T09:00:00Z' })];
    const before = ids(items);
    worklistSections(items);
    expect(ids(items)).toEqual(before);
  });
});
