import { REFERRAL_STATUSES, ReferralStatus, isOverdue } from '@onedoor/domain';
import type { ReferralRecord } from './referral-record';

export interface WorklistQuery {
  /** The moment overdue is judged against (ISO-8601). */
  now: string;
  /** Only items in these statuses (incoming, overdue and byStatus are always for the whole worklist). */
  status?: ReferralStatus[];
  overdueOnly?: boolean;
}

export interface WorklistItem {
  referralId: string;
  personId: string;
  status: ReferralStatus;
  /** The partner's side: receiving when it must act on it, referring when it sent it. */
  role: 'receiving' | 'referring';
  needs: string[];
  urgency: 'routine' | 'urgent';
  serviceId?: string;
  respondBy?: string;
  overdue: boolean;
  waitlisted: boolean;
  updatedAt: string;
}

export interface Worklist {
  /** Requested referrals waiting for this partner to accept or reject. */
  incoming: WorklistItem[];
  /** Requested referrals past their respond-by date, on either side. */
  overdue: WorklistItem[];
  byStatus: Record<ReferralStatus, number>;
  items: WorklistItem[];
}

/** One partner's worklist from the referrals it sends or receives; each list urgent first, then oldest respond-by. */
export function worklistOf(partnerId: string, referrals: Iterable<ReferralRecord>, query: WorklistQuery): Worklist {
  const all = [...referrals].map((r) => itemOf(r, partnerId, query.now)).sort(byUrgencyThenDue);
  const byStatus = Object.fromEntries(REFERRAL_STATUSES.map((s) => [s, 0])) as Record<ReferralStatus, number>;
  all.forEach((item) => (byStatus[item.status] += 1));
  return {
    incoming: all.filter((i) => i.role === 'receiving' && i.status === 'requested'),
    overdue: all.filter((i) => i.overdue),
    byStatus,
    items: all.filter((i) => (!query.status || query.status.includes(i.status)) && (!query.overdueOnly || i.overdue)),
  };
}

function itemOf(r: ReferralRecord, partnerId: string, now: string): WorklistItem {
  return {
    referralId: r.referralId,
    personId: r.personId,
    status: r.status,
    // A partner referring into its own service is asked to act, so receiving wins.
    role: r.receivingPartnerId === partnerId ? 'receiving' : 'referring',
    needs: [...r.needs],
    urgency: r.urgency,
    ...(r.serviceId !== undefined ? { serviceId: r.serviceId } : {}),
    ...(r.respondBy !== undefined ? { respondBy: r.respondBy } : {}),
    overdue: isOverdue(r, now),
    waitlisted: r.waitlisted,
    updatedAt: r.updatedAt,
  };
}

function byUrgencyThenDue(a: WorklistItem, b: WorklistItem): number {
  return (
    urgencyRank(a) - urgencyRank(b) ||
    dueTime(a) - dueTime(b) ||
    Date.parse(a.updatedAt) - Date.parse(b.updatedAt) ||
    a.referralId.localeCompare(b.referralId)
  );
}

const urgencyRank = (item: WorklistItem) => (item.urgency === 'urgent' ? 0 : 1);
/** No respond-by (drafts) sorts after every due date. */
const dueTime = (item: WorklistItem) => (item.respondBy !== undefined ? Date.parse(item.respondBy) : Number.MAX_SAFE_INTEGER);
