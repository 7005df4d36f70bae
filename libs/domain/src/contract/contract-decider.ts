import { Decider } from '../shared/decider';
import { definedOnly } from '../shared/defined-only';
import { ensure } from '../shared/rule-violation';
import { Actor } from '../shared/actor';
import { ContractCommand } from './contract-commands';
import { ContractEvent } from './contract-events';
import { ContractState, initialContractState, timelineOf } from './contract-state';
import { ContractPeriod, ContractTerms, ensureValidPeriod, ensureValidTerms, isCalendarDate } from './contract-terms';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const AMENDABLE: (keyof ContractTerms)[] = ['milestones', 'hubFee', 'targets'];

function decide(command: ContractCommand, state: ContractState): ContractEvent[] {
  const { actor, at } = command;
  // Contracts and money are the hub's business: members see their claims but do not write them.
  ensure(actor.managesConsortium, 'contract.only-hub', 'only the hub (the managing partner) records contracts and claim changes', 'forbidden');
  const by = { staffId: actor.staffId, partnerId: actor.partnerId };

  if (command.type === 'AgreeContract') {
    ensure(!state.exists, 'contract.already-exists', `contract ${command.contractId} is already agreed`, 'conflict');
    ensure(command.name?.trim(), 'contract.name-required', 'a contract needs a name');
    ensure(command.commissioner?.trim(), 'contract.commissioner-required', 'a contract names its commissioner');
    ensureValidPeriod(command.period);
    const terms: ContractTerms = { milestones: command.milestones, hubFee: command.hubFee, targets: command.targets ?? [] };
    ensureValidTerms(terms, command.memberPartnerIds);
    return [
      {
        type: 'ContractAgreed',
        data: {
          contractId: command.contractId, at, by, name: command.name.trim(), commissioner: command.commissioner.trim(), hubPartnerId: actor.partnerId,
          period: { start: command.period.start, end: command.period.end }, ...copyOf(terms),
        },
      },
    ];
  }

  ensure(state.exists, 'contract.not-found', 'no such contract', 'not-found');
  const contractId = state.contractId!;
  const period = state.period!;
  ensureHubOfContract(actor, state);

  switch (command.type) {
    case 'AmendContract': {
      ensureNew(state, command.amendmentId, 'amendment');
      ensure(command.reason?.trim(), 'contract.reason-required', 'an amendment needs a reason');
      const changes = definedOnly(Object.fromEntries(AMENDABLE.map((k) => [k, command.changes?.[k]]))) as Partial<ContractTerms>;
      ensure(Object.keys(changes).length > 0, 'contract.amendment-empty', `an amendment changes at least one of: ${AMENDABLE.join(', ')}`);
      const from = command.effectiveFrom;
      ensure(isCalendarDate(from) && from.endsWith('-01') && from > period.start && from <= period.end, 'contract.amendment-date-invalid', 'an amendment takes effect from the first of a month after the contract starts and within its period');
      ensure(from >= `${at.slice(0, 7)}-01`, 'contract.amendment-retroactive', 'an amendment cannot reach back before the current month: earlier months keep the terms they were claimed under');
      const last = state.amendments[state.amendments.length - 1];
      ensure(!last || from >= last.effectiveFrom, 'contract.amendment-out-of-order', `an amendment cannot take effect before the latest one (${last?.effectiveFrom})`);
      ensureValidTerms({ ...timelineOf(state).latest(), ...changes }, command.memberPartnerIds);
      return [{ type: 'ContractAmended', data: { contractId, at, by, amendmentId: command.amendmentId, effectiveFrom: from, reason: command.reason.trim(), changes: copyOf(changes) } }];
    }
    case 'AdjustClaim':
      ensureClaimChange(command, state, period, 'adjustment');
      ensure(Number.isInteger(command.amountPence) && command.amountPence !== 0, 'claim.amount-invalid', 'an adjustment is a whole number of pence, up (positive) or down (negative), not zero');
      return [{ type: 'ClaimAdjusted', data: { contractId, at, by, adjustmentId: command.adjustmentId, partnerId: command.partnerId, month: command.month, amountPence: command.amountPence, reason: command.reason.trim() } }];
    case 'ClawBackClaim':
      ensureClaimChange(command, state, period, 'clawback');
      ensure(Number.isInteger(command.amountPence) && command.amountPence > 0, 'claim.amount-invalid', 'a clawback takes back a whole number of pence above zero');
      if (command.milestoneId !== undefined) {
        const known = timelineOf(state).versions.some((v) => v.terms.milestones.some((m) => m.milestoneId === command.milestoneId));
        ensure(known, 'claim.milestone-unknown', `the contract has no milestone ${command.milestoneId}`);
      }
      return [
        {
          type: 'ClaimClawedBack',
          data: definedOnly({
            contractId, at, by, clawbackId: command.clawbackId, partnerId: command.partnerId, month: command.month, amountPence: command.amountPence,
            reason: command.reason.trim(), participantId: command.participantId, milestoneId: command.milestoneId,
          }),
        },
      ];
  }
}

function ensureHubOfContract(actor: Actor, state: ContractState): void {
  ensure(actor.partnerId === state.hubPartnerId, 'contract.only-hub', 'only the hub that holds the contract changes it', 'forbidden');
}

function ensureNew(state: ContractState, id: string, what: string): void {
  ensure(typeof id === 'string' && id.length > 0, `claim.id-required`, `the ${what} needs an id`);
  ensure(!state.recordedIds.includes(id), 'claim.already-recorded', `${what} ${id} is already recorded`, 'conflict');
}

function ensureClaimChange(
  command: { adjustmentId?: string; clawbackId?: string; partnerId: string; month: string; reason: string; memberPartnerIds: string[] },
  state: ContractState,
  period: ContractPeriod,
  what: 'adjustment' | 'clawback',
): void {
  ensureNew(state, (what === 'adjustment' ? command.adjustmentId : command.clawbackId)!, what);
  ensure(command.reason?.trim(), 'claim.reason-required', `a ${what} needs a reason`);
  ensure(command.memberPartnerIds.includes(command.partnerId), 'claim.partner-unknown', `partner ${command.partnerId} is not a current consortium member`);
  ensure(
    MONTH.test(command.month) && command.month >= period.start.slice(0, 7) && command.month <= period.end.slice(0, 7),
    'claim.month-invalid',
    `month is YYYY-MM within the contract period (${period.start.slice(0, 7)} to ${period.end.slice(0, 7)})`,
  );
}

/** Events get their own copy: a caller's object mutated later must not rewrite history. */
function copyOf<T>(value: T): T {
  return structuredClone(value);
}

function evolve(state: ContractState, event: ContractEvent): ContractState {
  switch (event.type) {
    case 'ContractAgreed': {
      const { contractId, name, commissioner, hubPartnerId, period, milestones, hubFee, targets } = event.data;
      return { ...initialContractState, exists: true, contractId, name, commissioner, hubPartnerId, period, agreed: { milestones, hubFee, targets } };
    }
    case 'ContractAmended': {
      const merged = { ...timelineOf(state).latest(), ...event.data.changes };
      return { ...state, amendments: [...state.amendments, { effectiveFrom: event.data.effectiveFrom, terms: merged }], recordedIds: [...state.recordedIds, event.data.amendmentId] };
    }
    case 'ClaimAdjusted':
      return { ...state, recordedIds: [...state.recordedIds, event.data.adjustmentId] };
    case 'ClaimClawedBack':
      return { ...state, recordedIds: [...state.recordedIds, event.data.clawbackId] };
  }
}

export const contractDecider: Decider<ContractCommand, ContractEvent, ContractState> = { initialState: initialContractState, decide, evolve };
