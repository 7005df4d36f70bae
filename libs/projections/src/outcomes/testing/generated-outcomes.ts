import { DomainEvent, EVENT_SCHEMA_VERSIONS, InteractionKind, Milestone, streams } from '@onedoor/domain';
import { seededRandom } from '../../testing/seeded-random';
export { seededRandom };

/**
 * A generated payment-by-results consortium: a hub and five delivery partners, participants referred over
 * 18 months, support, spells in work, completions, group sessions and the hub's claim changes. Seeded, so
 * every run is the same. Besides the events, it keeps its own plan (who did what, when), from which a test
 * works out the expected milestones and claims without the projections.
 */
export interface GeneratedPlan {
  contract: { start: string; end: string; amendedFrom: string; hubPercent: number; milestones: Milestone[]; m1PaymentAfterAmendment: number; m1Kinds: InteractionKind[] };
  partners: string[];
  participants: {
    personId: string;
    partnerId: string;
    accepted: boolean;
    interactions: { occurredOn: string; kind: InteractionKind }[];
    spell?: { startedOn: string; endedOn?: string };
  }[];
  sessions: { partnerId: string; serviceId: string; occurredOn: string; count: number }[];
  claimChanges: { partnerId: string; month: string; signedPence: number }[];
}

export interface GeneratedEvent {
  stream: string;
  event: DomainEvent;
}


const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const date = (ms: number) => iso(ms).slice(0, 10);
const KINDS: InteractionKind[] = ['one-to-one', 'assessment', 'advice', 'phone-call', 'group-session'];
const LOCALITIES = ['Halifax', 'Todmorden', 'Brighouse', 'Elland', 'Hebden Bridge'];
const COMMUNITIES = ['carers', 'young-people', 'veterans', 'refugees', 'older-people'];

/**
 * `firstParticipant` and `setUp: false` let a big log be generated in chunks (the benchmark's million events):
 * later chunks number their participants on and leave out the consortium, services and contract.
 */
export function generateOutcomes(options: { seed: number; participants: number; sessions?: number; firstParticipant?: number; setUp?: boolean }): { plan: GeneratedPlan; events: GeneratedEvent[] } {
  const setUpEvents = options.setUp ?? true;
  const first = options.firstParticipant ?? 0;
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const start = Date.parse('2025-01-01T00:00:00.000Z');
  const end = Date.parse('2026-06-30T00:00:00.000Z');
  const partners = ['p1', 'p2', 'p3', 'p4', 'p5'];
  const hubBy = { staffId: 'staff-hub', partnerId: 'hub' };
  const byOf = (partnerId: string) => ({ staffId: `staff-${partnerId}`, partnerId });
  const milestones: Milestone[] = [
    { milestoneId: 'm1', name: 'Three intervention activities', rule: { kind: 'activity-count', atLeast: 3, kinds: ['one-to-one', 'assessment', 'advice'] }, paymentPence: 30_000 },
    { milestoneId: 'm2', name: 'In work 13 weeks', rule: { kind: 'sustained-employment', weeks: 13 }, paymentPence: 50_000 },
    { milestoneId: 'm3', name: 'In work 26 weeks', rule: { kind: 'sustained-employment', weeks: 26 }, paymentPence: 70_000 },
  ];
  const plan: GeneratedPlan = {
    contract: { start: '2025-01-01', end: '2026-06-30', amendedFrom: '2025-10-01', hubPercent: 10, milestones, m1PaymentAfterAmendment: 25_000, m1Kinds: ['one-to-one', 'assessment', 'advice'] },
    partners, participants: [], sessions: [], claimChanges: [],
  };
  const events: { at: number; order: number; stream: string; event: DomainEvent }[] = [];
  const add = (at: number, stream: string, event: DomainEvent) => events.push({ at, order: events.length, stream, event });
  const addSetUp = (at: number, stream: string, event: DomainEvent) => {
    if (setUpEvents) add(at, stream, event);
  };

  const setUp = Date.parse('2024-12-01T09:00:00.000Z');
  addSetUp(setUp, streams.consortium('gen'), { type: 'ConsortiumFormed', data: { consortiumId: 'gen', name: 'Generated Consortium', structure: 'umbrella', formedAt: iso(setUp) } });
  for (const partnerId of ['hub', ...partners]) {
    addSetUp(setUp, streams.consortium('gen'), { type: 'PartnerJoined', data: { consortiumId: 'gen', partnerId, name: partnerId.toUpperCase(), role: partnerId === 'hub' ? 'hub' : 'delivery', joinedAt: iso(setUp) } });
  }
  partners.forEach((partnerId, i) => {
    addSetUp(setUp, streams.service(`svc-${partnerId}`), {
      type: 'ServiceListed',
      data: {
        serviceId: `svc-${partnerId}`, partnerId, listedAt: iso(setUp), capacity: { available: 50, maximum: 50, unit: 'places' }, name: `Service ${i + 1}`, description: 'Generated',
        needs: ['employment'], localities: [LOCALITIES[i], LOCALITIES[(i + 1) % LOCALITIES.length]], communities: [COMMUNITIES[i]], eligibility: {},
      },
    });
  });
  const agreedAt = Date.parse('2024-12-15T09:00:00.000Z');
  addSetUp(agreedAt, streams.contract('k'), {
    type: 'ContractAgreed',
    data: {
      contractId: 'k', at: iso(agreedAt), by: hubBy, name: 'Into Work', commissioner: 'Council', hubPartnerId: 'hub', period: { start: plan.contract.start, end: plan.contract.end }, milestones,
      hubFee: { kind: 'share-of-member-claims', percent: 10 }, targets: partners.map((partnerId) => ({ partnerId, referralsAccepted: 50, participantsStarted: 45, milestones: [{ milestoneId: 'm1', count: 30 }] })),
    },
  });
  const amendedAt = Date.parse('2025-09-15T09:00:00.000Z');
  addSetUp(amendedAt, streams.contract('k'), {
    type: 'ContractAmended',
    data: { contractId: 'k', at: iso(amendedAt), by: hubBy, amendmentId: 'a1', effectiveFrom: plan.contract.amendedFrom, reason: 'variation', changes: { milestones: [{ ...milestones[0], paymentPence: 25_000 }, milestones[1], milestones[2]] } },
  });

  for (let i = first; i < first + options.participants; i++) {
    const personId = `person-${i}`;
    const referralId = `ref-${i}`;
    const partnerId = pick(partners);
    const by = byOf(partnerId);
    const referredAt = start + between(0, 15 * 30) * DAY + between(8, 17) * 3_600_000;
    add(referredAt, streams.referral(referralId), { type: 'ReferralCreated', data: { referralId, at: iso(referredAt), by: byOf('hub'), personId, referringPartnerId: 'hub', needs: ['employment'], urgency: 'routine' } });
    add(referredAt, streams.referral(referralId), { type: 'ReferralRouted', data: { referralId, at: iso(referredAt), by: byOf('hub'), partnerId, serviceId: `svc-${partnerId}`, respondBy: iso(referredAt + 5 * DAY), waitlisted: false } });
    const participant: GeneratedPlan['participants'][number] = { personId, partnerId, accepted: random() < 0.9, interactions: [] };
    plan.participants.push(participant);
    const answeredAt = referredAt + between(1, 5) * DAY;
    if (!participant.accepted) {
      add(answeredAt, streams.referral(referralId), { type: 'ReferralRejected', data: { referralId, at: iso(answeredAt), by, reason: { code: 'no-capacity' } } });
      continue;
    }
    add(answeredAt, streams.referral(referralId), { type: 'ReferralAccepted', data: { referralId, at: iso(answeredAt), by } });
    let day = answeredAt;
    const supportCount = between(0, 6);
    for (let k = 0; k < supportCount; k++) {
      day += between(2, 25) * DAY;
      const kind = pick(KINDS);
      const occurredOn = date(day);
      participant.interactions.push({ occurredOn, kind });
      if (k === 0) add(day, streams.referral(referralId), { type: 'ReferralStarted', data: { referralId, at: iso(day), by } });
      add(day, streams.referral(referralId), { type: 'InteractionRecorded', data: { referralId, at: iso(day), by, interactionId: `${referralId}-${k}`, kind, occurredOn, partnerId } });
    }
    if (supportCount > 0 && random() < 0.45) {
      const startedAt = day + between(1, 60) * DAY;
      const spell: { startedOn: string; endedOn?: string } = { startedOn: date(startedAt) };
      add(startedAt, streams.employment(personId), { type: 'EmploymentStarted', data: { personId, spellId: `${personId}-1`, startedOn: spell.startedOn, partnerId, at: iso(startedAt), by } });
      if (random() < 0.5) {
        const endedAt = startedAt + between(4, 40) * 7 * DAY + between(0, 6) * DAY;
        spell.endedOn = date(endedAt);
        add(endedAt, streams.employment(personId), { type: 'EmploymentEnded', data: { personId, spellId: `${personId}-1`, endedOn: spell.endedOn, at: iso(endedAt), by } });
      }
      participant.spell = spell;
    }
    if (supportCount > 0) {
      const doneAt = day + between(1, 30) * DAY;
      add(doneAt, streams.referral(referralId), { type: 'ReferralCompleted', data: { referralId, at: iso(doneAt), by, outcome: { code: pick(['need-met', 'need-partly-met', 'need-not-met'] as const), enteredWork: participant.spell !== undefined } } });
    }
  }

  for (let s = 0; s < (options.sessions ?? 60); s++) {
    const partnerId = pick(partners);
    const when = start + between(0, 17 * 30) * DAY + 19 * 3_600_000;
    const session = { partnerId, serviceId: `svc-${partnerId}`, occurredOn: date(when), count: between(0, 30) };
    plan.sessions.push(session);
    add(when, streams.groupAttendance(session.serviceId), { type: 'GroupAttendanceRecorded', data: { ...session, sessionId: `session-${first}-${s}`, at: iso(when), by: byOf(partnerId) } });
  }

  for (let c = 0; c < 8; c++) {
    const partnerId = pick(partners);
    const month = date(start + between(0, 17) * 31 * DAY).slice(0, 7);
    const at = Date.parse(`${month}-28T12:00:00.000Z`);
    const clawback = c % 3 === 2;
    const amount = between(1, 400) * 100 + between(0, 99);
    plan.claimChanges.push({ partnerId, month, signedPence: clawback ? -amount : c % 2 ? amount : -amount });
    add(at, streams.contract('k'), clawback
      ? { type: 'ClaimClawedBack', data: { contractId: 'k', at: iso(at), by: hubBy, clawbackId: `cb-${first}-${c}`, partnerId, month, amountPence: amount, reason: 'evidence' } }
      : { type: 'ClaimAdjusted', data: { contractId: 'k', at: iso(at), by: hubBy, adjustmentId: `adj-${first}-${c}`, partnerId, month, amountPence: c % 2 ? amount : -amount, reason: 'correction' } });
  }

  // The log in business-time order, as the commands would have written it.
  events.sort((a, b) => a.at - b.at || a.order - b.order);
  return { plan, events: events.map(({ stream, event }) => ({ stream, event })) };
}

export const schemaVersionOf = (event: DomainEvent) => EVENT_SCHEMA_VERSIONS[event.type];
