/**
 * How a business rule says no. `kind` tells the edge which answer fits:
 * conflict (409: the current state forbids it), unprocessable (422: the request breaks a rule),
 * forbidden (403: this partner may not do it), not-found (404).
 */
export type RuleViolationKind = 'conflict' | 'unprocessable' | 'forbidden' | 'not-found';

export class RuleViolation extends Error {
  constructor(
    /** A stable, dotted name of the rule, e.g. `referral.transition-not-allowed`. */
    readonly rule: string,
    message: string,
    readonly kind: RuleViolationKind = 'unprocessable',
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}

export function ensure(condition: unknown, rule: string, message: string, kind: RuleViolationKind = 'unprocessable', details?: Record<string, unknown>): asserts condition {
  if (!condition) throw new RuleViolation(rule, message, kind, details);
}
