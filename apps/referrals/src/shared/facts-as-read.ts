import type { PersonFacts } from '@onedoor/domain';
import type { AppendCondition } from '@onedoor/event-store';
import type { DecisionFacts } from './decision-facts';

/**
 * What one attempt of a command read from other streams, as append conditions: the decision commits only
 * while those streams are still where it read them. Each read replaces the last one of the same stream, so a
 * retried attempt conditions on its own, fresh reads.
 */
export class FactsAsRead {
  private readonly read = new Map<string, AppendCondition>();

  async person(facts: DecisionFacts, personId: string): Promise<PersonFacts> {
    const { person, unchanged } = await facts.personAsRead(personId);
    this.read.set(unchanged.stream, unchanged);
    return person;
  }

  conditions(): AppendCondition[] {
    return [...this.read.values()];
  }
}
