import { ContractPeriod, ContractTerms } from './contract-terms';

/** Terms from a date on: the agreed terms from the period's start, then each amendment from its effectiveFrom. */
export interface TermsVersion {
  effectiveFrom: string;
  terms: ContractTerms;
}

/**
 * A contract's terms over time. Amendments take effect from the first of a month, so a month is always
 * under one set of terms and the months before keep the rule they were claimed under.
 */
export class ContractTimeline {
  constructor(readonly period: ContractPeriod, readonly versions: readonly TermsVersion[]) {}

  /** Versions in effect order; for one date, the amendment recorded last wins. */
  static of(period: ContractPeriod, agreed: ContractTerms, amendments: readonly TermsVersion[]): ContractTimeline {
    const ordered = amendments.map((a, i) => ({ a, i })).sort((x, y) => x.a.effectiveFrom.localeCompare(y.a.effectiveFrom) || x.i - y.i).map(({ a }) => a);
    return new ContractTimeline(period, [{ effectiveFrom: period.start, terms: agreed }, ...ordered]);
  }

  /** The terms in force on a date (YYYY-MM-DD or an ISO instant). */
  termsOn(date: string): ContractTerms {
    const day = date.slice(0, 10);
    let current = this.versions[0].terms;
    for (const v of this.versions) if (v.effectiveFrom <= day) current = v.terms;
    return current;
  }

  /** The latest terms, whatever their start: what a new amendment changes. */
  latest(): ContractTerms {
    return this.termsOn('9999-12-31');
  }

  /** [from, to) intervals of each version, to-exclusive as ISO dates, the last open-ended (undefined). */
  intervals(): { from: string; to?: string; terms: ContractTerms }[] {
    const byDay = new Map<string, ContractTerms>();
    for (const v of this.versions) byDay.set(v.effectiveFrom, v.terms);
    const days = [...byDay.keys()].sort();
    return days.map((from, i) => ({ from, to: days[i + 1], terms: byDay.get(from)! }));
  }
}
