import { EventStoreFactory, useContractSubject } from './contract/contract-fixtures';
import { describeAppending } from './contract/append.contract';
import { describeIdempotency } from './contract/idempotency.contract';
import { describeGlobalOrder } from './contract/ordering.contract';
import { describeSubscriptions } from './contract/subscription.contract';
import { describeLifecycle } from './contract/lifecycle.contract';
import { describeAppendConditions } from './contract/conditions.contract';

export type { EventStoreFactory, EventStoreUnderTest } from './contract/contract-fixtures';

/**
 * The one behaviour every EventStore adapter must show. Call it from the adapter's spec with a factory
 * that builds a fresh, empty store per test (and `reopen` for durable adapters).
 */
export function describeEventStoreContract(name: string, factory: EventStoreFactory): void {
  describe(`${name} (EventStore contract)`, () => {
    const subject = useContractSubject(factory);
    describeAppending(subject);
    describeAppendConditions(subject);
    describeIdempotency(subject);
    describeGlobalOrder(subject);
    describeSubscriptions(subject);
    describeLifecycle(subject);
  });
}
