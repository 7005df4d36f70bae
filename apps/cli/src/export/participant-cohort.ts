import type { OutcomesProjections } from '@onedoor/projections';
import { Pseudonymiser } from './pseudonymiser';
import type { ExportRow } from './table-writers';

const FIXED_COLUMNS = [
  'person', 'partners', 'activities', 'first_activity_on', 'last_activity_on', 'employment_spells', 'first_work_started_on', 'completed_referrals', 'milestones_attained',
] as const;

/** One column per contract milestone, holding the day it was attained: `<contract>:<milestone>`. */
const milestoneColumn = (contractId: string, milestoneId: string) => `${contractId}:${milestoneId}`;

/**
 * One row per participant as of an instant: how much support, work and completion their history holds and
 * when each contract milestone was attained, under this export's pseudonym. Counts and dates only.
 */
export function participantCohort(outcomes: OutcomesProjections, now: string, partnerId?: string): { columns: string[]; rows: ExportRow[] } {
  const view = outcomes.view(now);
  // Every milestone any version of a contract defined: an amendment may add or drop some.
  const milestoneColumns = [
    ...new Set(view.contracts().flatMap((c) => c.timeline.versions.flatMap((v) => v.terms.milestones.map((m) => milestoneColumn(c.contractId, m.milestoneId))))),
  ];
  const attainedOn = new Map<string, Map<string, string>>();
  for (const a of view.attainments()) {
    const mine = attainedOn.get(a.participantId) ?? new Map<string, string>();
    mine.set(milestoneColumn(a.contractId, a.milestoneId), a.attainedAt.slice(0, 10));
    attainedOn.set(a.participantId, mine);
  }
  const people = new Pseudonymiser('person-');
  const rows: ExportRow[] = [];
  for (const participantId of outcomes.histories.participantIds()) {
    const history = outcomes.histories.history(participantId)!;
    const partners = new Set([...history.activities, ...history.spells, ...history.completions].map((x) => x.partnerId));
    if (partnerId !== undefined && !partners.has(partnerId)) continue;
    const days = history.activities.map((a) => a.occurredOn).sort();
    const milestones = attainedOn.get(participantId) ?? new Map<string, string>();
    rows.push({
      person: people.of(participantId),
      partners: [...partners].sort().join(';'),
      activities: history.activities.length,
      first_activity_on: days[0] ?? null,
      last_activity_on: days.at(-1) ?? null,
      employment_spells: history.spells.length,
      first_work_started_on: history.spells.map((s) => s.startedOn).sort()[0] ?? null,
      completed_referrals: history.completions.length,
      milestones_attained: milestones.size,
      ...Object.fromEntries(milestoneColumns.map((column) => [column, milestones.get(column) ?? null])),
    });
  }
  return { columns: [...FIXED_COLUMNS, ...milestoneColumns], rows };
}
