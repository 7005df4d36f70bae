import type { WorklistItem } from '../../api/types';

const OPEN = new Set(['draft', 'requested', 'accepted', 'in-progress', 'on-hold', 'rejected']);
/** Accepted work: what a receiving partner is doing. A referral it rejected is no longer its work. */
const WORKING = new Set(['accepted', 'in-progress', 'on-hold']);

export interface WorklistSections {
  /** Waiting for this partner to accept or reject: overdue first, then least time left. */
  respond: WorklistItem[];
  /** Accepted work this partner is doing. */
  working: WorklistItem[];
  /** Referrals this partner sent that are still open (a rejected one waits to be re-routed). */
  sent: WorklistItem[];
  /** Finished referrals, and those this partner received and turned down (the referrer re-routes them). */
  closed: WorklistItem[];
}

export function worklistSections(items: WorklistItem[]): WorklistSections {
  const due = (i: WorklistItem) => (i.respondBy ? Date.parse(i.respondBy) : Number.MAX_SAFE_INTEGER);
  const byDue = (a: WorklistItem, b: WorklistItem) => Number(b.overdue) - Number(a.overdue) || due(a) - due(b) || (a.urgency === 'urgent' ? -1 : 0) - (b.urgency === 'urgent' ? -1 : 0);
  const byRecent = (a: WorklistItem, b: WorklistItem) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt);
  return {
    respond: items.filter((i) => i.role === 'receiving' && i.status === 'requested').sort(byDue),
    working: items.filter((i) => i.role === 'receiving' && WORKING.has(i.status)).sort(byRecent),
    sent: items.filter((i) => i.role === 'referring' && OPEN.has(i.status)).sort(byDue),
    closed: items.filter((i) => !OPEN.has(i.status) || (i.role === 'receiving' && i.status === 'rejected')).sort(byRecent),
  };
}
