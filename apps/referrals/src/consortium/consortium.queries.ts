import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RuleViolation } from '@onedoor/domain';
import { ConsortiumRoster } from '@onedoor/projections';

export class GetConsortiumQuery {}

@QueryHandler(GetConsortiumQuery)
export class GetConsortiumHandler implements IQueryHandler<GetConsortiumQuery> {
  constructor(private readonly roster: ConsortiumRoster) {}

  async execute() {
    if (!this.roster.consortium()) throw new RuleViolation('consortium.not-formed', 'the consortium has not been formed yet', 'not-found');
    return { consortium: this.roster.consortium(), partners: this.roster.partners({ includeFormer: true }) };
  }
}
