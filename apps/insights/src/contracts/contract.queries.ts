import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RuleViolation } from '@onedoor/domain';
import { ContractRecord } from '@onedoor/projections';
import { LiveOutcomes } from '../outcomes/live-outcomes';

export class GetContractsQuery {
  constructor(readonly contractId?: string) {}
}

/** A contract as partners read it: its terms over time and the hub's claim changes, so the funding split is in the open. */
function present(c: ContractRecord) {
  return {
    contractId: c.contractId, name: c.name, commissioner: c.commissioner, hubPartnerId: c.hubPartnerId, period: c.period, agreedAt: c.agreedAt,
    terms: c.timeline.versions.map((v) => ({ effectiveFrom: v.effectiveFrom, ...v.terms })),
    claimChanges: c.changes,
  };
}

@QueryHandler(GetContractsQuery)
export class GetContractsHandler implements IQueryHandler<GetContractsQuery> {
  constructor(private readonly live: LiveOutcomes) {}

  async execute({ contractId }: GetContractsQuery) {
    const { contracts } = await this.live.current();
    if (contractId === undefined) return { items: contracts.all().map(present) };
    const contract = contracts.contract(contractId);
    if (!contract) throw new RuleViolation('contract.not-found', `no contract ${contractId}`, 'not-found');
    return present(contract);
  }
}
