import { ContractEvent, ContractPeriod, ContractState, ContractTimeline, contractDecider, initialContractState, timelineOf } from '@onedoor/domain';
import type { RecordedEvent } from '@onedoor/event-store';
import { SnapshottedProjection, domainEventOf } from '../projection';
import { mapOf, snapshotShaped } from '../checkpoints/snapshot-shape';
import { Evidence, evidenceOf } from './evidence';

export interface ClaimChange {
  kind: 'adjustment' | 'clawback';
  id: string;
  partnerId: string;
  month: string;
  /** Signed effect on the claim: a clawback is negative here. */
  amountPence: number;
  reason: string;
  participantId?: string;
  milestoneId?: string;
  evidence: Evidence;
}

export interface ContractRecord {
  contractId: string;
  name: string;
  commissioner: string;
  hubPartnerId: string;
  period: ContractPeriod;
  agreedAt: string;
  timeline: ContractTimeline;
  changes: ClaimChange[];
}

const CONTRACT_EVENTS = new Set(['ContractAgreed', 'ContractAmended', 'ClaimAdjusted', 'ClaimClawedBack']);

/** Commissioner contracts, their terms over time (folded by the domain's own decider) and the hub's claim changes. */
export class ContractBook implements SnapshottedProjection {
  readonly name = 'contract-book';
  readonly snapshotVersion: number = 1;
  private contracts = new Map<string, { state: ContractState; record: ContractRecord }>();

  apply(recorded: RecordedEvent): void {
    if (!CONTRACT_EVENTS.has(recorded.type)) return;
    const event = domainEventOf(recorded) as ContractEvent;
    const { contractId, at } = event.data;
    const entry = this.contracts.get(contractId);
    if (event.type === 'ContractAgreed') {
      if (entry) return;
      const state = contractDecider.evolve(initialContractState, event);
      const { name, commissioner, hubPartnerId, period } = event.data;
      this.contracts.set(contractId, { state, record: { contractId, name, commissioner, hubPartnerId, period, agreedAt: at, timeline: timelineOf(state), changes: [] } });
      return;
    }
    if (!entry) return;
    entry.state = contractDecider.evolve(entry.state, event);
    entry.record.timeline = timelineOf(entry.state);
    if (event.type === 'ClaimAdjusted' || event.type === 'ClaimClawedBack') {
      const d = event.data;
      const clawback = event.type === 'ClaimClawedBack';
      entry.record.changes.push({
        kind: clawback ? 'clawback' : 'adjustment',
        id: clawback ? event.data.clawbackId : event.data.adjustmentId,
        partnerId: d.partnerId,
        month: d.month,
        amountPence: clawback ? -d.amountPence : d.amountPence,
        reason: d.reason,
        ...(clawback && event.data.participantId !== undefined ? { participantId: event.data.participantId } : {}),
        ...(clawback && event.data.milestoneId !== undefined ? { milestoneId: event.data.milestoneId } : {}),
        evidence: evidenceOf(recorded, at),
      });
    }
  }

  reset(): void {
    this.contracts.clear();
  }

  /** Timelines are class instances, which a snapshot cannot carry: they are folded again from the state on restore. */
  snapshot(): { contracts: Map<string, { state: ContractState; record: Omit<ContractRecord, 'timeline'> }> } {
    const contracts = new Map([...this.contracts].map(([id, { state, record }]) => {
      const { timeline: _timeline, ...rest } = record;
      return [id, { state, record: rest }];
    }));
    return { contracts };
  }

  restore(state: unknown): void {
    const saved = snapshotShaped<{ contracts: unknown }>(state, this.name, ['contracts']);
    const contracts = mapOf<string, { state: ContractState; record: Omit<ContractRecord, 'timeline'> }>(saved.contracts, this.name, 'contracts');
    this.contracts = new Map([...contracts].map(([id, entry]) => [id, { state: entry.state, record: { ...entry.record, timeline: timelineOf(entry.state) } }]));
  }

  contract(contractId: string): ContractRecord | undefined {
    return this.contracts.get(contractId)?.record;
  }

  /** Every contract, oldest agreement first. */
  all(): ContractRecord[] {
    return [...this.contracts.values()].map((e) => e.record).sort((a, b) => a.agreedAt.localeCompare(b.agreedAt) || a.contractId.localeCompare(b.contractId));
  }
}
