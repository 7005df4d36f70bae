import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@onedoor/event-store';
import { OutcomesProjections, logOf, outcomesAsOf } from './outcomes-projections';
import { GeneratedPlan, generateOutcomes, schemaVersionOf } from './testing/generated-outcomes';

const NOW = '2026-08-01T00:00:00.000Z';
const DAY = 86_400_000;

/**
 * What the contract should pay, worked out from the generator's own plan with nothing from the projections:
 * the third qualifying activity's day, a spell's 13- and 26-week days, the amendment's date, the hub's 10%.
 */
function expectedFrom(plan: GeneratedPlan, now: string) {
  const { contract } = plan;
  const periodEnd = Date.parse(`${contract.end}T00:00:00.000Z`) + DAY;
  const attained: { milestoneId: string; partnerId: string; month: string; pence: number }[] = [];
  for (const p of plan.participants) {
    const qualifying = p.interactions.filter((i) => contract.m1Kinds.includes(i.kind) && i.occurredOn >= contract.start).map((i) => i.occurredOn).sort();
    if (qualifying.length >= 3 && Date.parse(qualifying[2]) < periodEnd) {
      const day = qualifying[2];
      attained.push({ milestoneId: 'm1', partnerId: p.partnerId, month: day.slice(0, 7), pence: day < contract.amendedFrom ? 30_000 : contract.m1PaymentAfterAmendment });
    }
    for (const [milestoneId, weeks, pence] of [['m2', 13, 50_000], ['m3', 26, 70_000]] as const) {
      if (!p.spell) continue;
      const due = Date.parse(p.spell.startedOn) + weeks * 7 * DAY;
      const lasted = p.spell.endedOn === undefined || Date.parse(p.spell.endedOn) >= due;
      if (lasted && due < periodEnd && due <= Date.parse(now)) attained.push({ milestoneId, partnerId: p.partnerId, month: new Date(due).toISOString().slice(0, 7), pence });
    }
  }
  const lines = new Map<string, number>();
  for (const a of attained) lines.set(`${a.month}|${a.partnerId}`, (lines.get(`${a.month}|${a.partnerId}`) ?? 0) + a.pence);
  for (const c of plan.claimChanges) lines.set(`${c.month}|${c.partnerId}`, (lines.get(`${c.month}|${c.partnerId}`) ?? 0) + c.signedPence);
  const fee = (net: number) => Math.sign(net) * Math.round((Math.abs(net) * contract.hubPercent) / 100);
  const perPartner: Record<string, { netPence: number; hubFeePence: number }> = {};
  for (const [key, net] of lines) {
    const partnerId = key.split('|')[1];
    const p = (perPartner[partnerId] ??= { netPence: 0, hubFeePence: 0 });
    p.netPence += net;
    p.hubFeePence += fee(net);
  }
  const count = (milestoneId: string, partnerId?: string) => attained.filter((a) => a.milestoneId === milestoneId && (partnerId === undefined || a.partnerId === partnerId)).length;
  return { attained, perPartner, count, claimsPence: attained.reduce((n, a) => n + a.pence, 0) };
}

describe('a generated consortium: five partners, 350 participants, 18 months, replayed from a real SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'onedoor-outcomes-'));
  const { plan, events } = generateOutcomes({ seed: 20260501, participants: 350 });
  const expected = expectedFrom(plan, NOW);
  let store: SqliteEventStore;
  let outcomes: OutcomesProjections;

  beforeAll(async () => {
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), synchronous: 'NORMAL', writer: 'inline' });
    const versions = new Map<string, number>();
    for (const { stream, event } of events) {
      const version = versions.get(stream) ?? 0;
      await store.append(stream, [{ id: randomUUID(), type: event.type, schemaVersion: schemaVersionOf(event), data: event.data as unknown as Record<string, unknown> }], version);
      versions.set(stream, version + 1);
    }
    outcomes = await outcomesAsOf(logOf(store), NOW);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is big enough to mean something', () => {
    expect(events.length).toBeGreaterThan(2_500);
    for (const milestoneId of ['m1', 'm2', 'm3']) expect(expected.count(milestoneId)).toBeGreaterThan(5);
    expect(plan.participants.some((p) => p.spell?.endedOn)).toBe(true);
  });

  it('milestone counts per milestone and partner match the plan', () => {
    const view = outcomes.view();
    for (const milestoneId of ['m1', 'm2', 'm3']) {
      expect({ milestoneId, all: view.attainments({ contractId: 'k' }).filter((a) => a.milestoneId === milestoneId).length }).toEqual({ milestoneId, all: expected.count(milestoneId) });
      for (const partnerId of plan.partners) {
        expect({ milestoneId, partnerId, n: view.attainments({ partnerId }).filter((a) => a.milestoneId === milestoneId).length }).toEqual({ milestoneId, partnerId, n: expected.count(milestoneId, partnerId) });
      }
    }
  });

  it('claim totals, net of adjustments and clawbacks, and the hub fee per partner match the plan', () => {
    const [ledger] = outcomes.view().claimsLedger({ contractId: 'k' });
    expect(ledger.totals.claimsPence).toBe(expected.claimsPence);
    for (const partnerId of plan.partners) {
      const [own] = outcomes.view().claimsLedger({ partnerId });
      expect({ partnerId, netPence: own.totals.netPence, hubFeePence: own.totals.hubFeePence }).toEqual({ partnerId, ...(expected.perPartner[partnerId] ?? { netPence: 0, hubFeePence: 0 }) });
    }
  });

  it("routing's lean accepted-against-target lines equal the delivery report's, partner by partner", () => {
    const view = outcomes.view();
    const full = view.deliveryAgainstTarget();
    const lean = view.acceptedAgainstTarget();
    expect(lean.map((c) => c.contractId)).toEqual(full.map((c) => c.contractId));
    for (const [i, contract] of lean.entries()) {
      expect(contract.partners.length).toBeGreaterThan(0);
      expect(contract.elapsed).toBe(full[i].elapsed);
      for (const p of contract.partners) expect(p.referralsAccepted).toEqual(full[i].partners.find((f) => f.partnerId === p.partnerId)!.referralsAccepted);
    }
  });

  it('group attendances and the funnel match the plan', () => {
    const [delivery] = outcomes.view().deliveryAgainstTarget();
    const attendances = delivery.partners.reduce((n, p) => n + p.attendances, 0);
    expect(attendances).toBe(plan.sessions.filter((s) => s.occurredOn <= '2026-06-30').reduce((n, s) => n + s.count, 0));
    const funnel = outcomes.view().funnel().total;
    expect(funnel.received).toBe(plan.participants.length);
    expect(funnel.accepted).toBe(plan.participants.filter((p) => p.accepted).length);
    expect(funnel.firstInteraction).toBe(plan.participants.filter((p) => p.interactions.length > 0).length);
  });

  it('as of a past moment gives the same answer on every replay, and the live projections agree at the head', async () => {
    const asOf = '2025-11-15T12:00:00.000Z';
    const first = (await outcomesAsOf(logOf(store), asOf)).view();
    const second = (await outcomesAsOf(logOf(store), asOf)).view();
    expect(second.claimsLedger()).toEqual(first.claimsLedger());
    expect(second.attainments()).toEqual(first.attainments());
    expect(first.attainments().length).toBeLessThan(outcomes.view().attainments().length);
    expect(first.attainments().every((a) => a.attainedAt <= asOf)).toBe(true);
    const live = new OutcomesProjections();
    for await (const event of logOf(store)) live.apply(event);
    expect(live.view(NOW).claimsLedger()).toEqual(outcomes.view().claimsLedger());
  });
});
