import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Actor, RuleViolation } from '@onedoor/domain';
import { Clock } from '@onedoor/platform';
import { OutcomesView, ReportFilter } from '@onedoor/projections';
import { AsOfOutcomes } from '../outcomes/as-of-outcomes';
import { LiveOutcomes } from '../outcomes/live-outcomes';
import { asOfInstant } from './as-of';
import { OutcomesQueryDto, ReportQueryDto } from './report-query.dto';

export type ReportName = 'milestones' | 'claims' | 'delivery' | 'funnel' | 'waiting-times' | 'outcomes';

export class GetReportQuery {
  constructor(readonly report: ReportName, readonly query: ReportQueryDto | OutcomesQueryDto, readonly actor: Actor) {}
}

/**
 * Every outcomes report, live or as of a moment. The hub sees every partner; a partner sees only its own
 * numbers, and asking for another partner's is refused rather than quietly answered with its own.
 */
@QueryHandler(GetReportQuery)
export class GetReportHandler implements IQueryHandler<GetReportQuery> {
  constructor(private readonly live: LiveOutcomes, private readonly past: AsOfOutcomes, private readonly clock: Clock) {}

  async execute({ report, query, actor }: GetReportQuery) {
    const filter: ReportFilter = { contractId: query.contractId, partnerId: this.partnerScope(query.partnerId, actor), month: query.month };
    const view = query.as_of !== undefined ? (await this.past.at(asOfInstant(query.as_of))).view() : (await this.live.current()).view(this.clock.now());
    return { asOf: view.asOf, ...(filter.partnerId !== undefined ? { partnerId: filter.partnerId } : {}), ...this.answer(report, view, filter, query) };
  }

  private partnerScope(asked: string | undefined, actor: Actor): string | undefined {
    if (actor.managesConsortium) return asked;
    if (asked !== undefined && asked !== actor.partnerId) {
      throw new RuleViolation('insights.not-your-partner', "a partner sees only its own numbers; the hub sees every partner's", 'forbidden');
    }
    return actor.partnerId;
  }

  private answer(report: ReportName, view: OutcomesView, filter: ReportFilter, query: ReportQueryDto | OutcomesQueryDto) {
    switch (report) {
      case 'milestones': {
        const attainments = view.attainments(filter).filter((a) => query.participantId === undefined || a.participantId === query.participantId);
        const summary = new Map<string, { contractId: string; milestoneId: string; name: string; attained: number; amountPence: number }>();
        for (const a of attainments) {
          const key = `${a.contractId}|${a.milestoneId}`;
          const line = summary.get(key) ?? { contractId: a.contractId, milestoneId: a.milestoneId, name: a.name, attained: 0, amountPence: 0 };
          line.attained += 1;
          line.amountPence += a.paymentPence;
          summary.set(key, line);
        }
        return { summary: [...summary.values()], attainments };
      }
      case 'claims':
        return { contracts: view.claimsLedger(filter) };
      case 'delivery':
        return { contracts: view.deliveryAgainstTarget(filter) };
      case 'funnel':
        return view.funnel(filter);
      case 'waiting-times':
        return view.waitingTimes(filter);
      case 'outcomes': {
        const by = (query as OutcomesQueryDto).by;
        return { by, groups: view.outcomesBy(by, filter) };
      }
    }
  }
}
