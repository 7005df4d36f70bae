import { Decider, fold } from '../shared/decider';
import { RuleViolation, RuleViolationKind } from '../shared/rule-violation';

/**
 * Given/when/then for deciders: `given(decider, pastEvents).when(command)` then either
 * `.then(expectedEvents)` or `.thenViolates(rule, kind)`.
 */
export function given<C, E, S>(decider: Decider<C, E, S>, past: E[]) {
  return {
    when(command: C) {
      const run = () => decider.decide(command, fold(decider, past));
      return {
        then(expected: E[]): void {
          expect(run()).toEqual(expected);
        },
        /** Returns the decided events for assertions on parts of them. */
        events(): E[] {
          return run();
        },
        thenViolates(rule: string, kind?: RuleViolationKind): RuleViolation {
          let caught: unknown;
          try {
            run();
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(RuleViolation);
          const violation = caught as RuleViolation;
          expect(violation.rule).toBe(rule);
          if (kind) expect(violation.kind).toBe(kind);
          return violation;
        },
      };
    },
  };
}
