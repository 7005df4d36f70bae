import type { OutcomesView } from './outcomes-view';

/** Where a partner stands against its target for accepted referrals in a contract now in force. */
export interface DeliveryPosition {
  contractId: string;
  contractName: string;
  /** Referrals to accept over the contract's whole period. */
  target: number;
  /** Accepted so far in the period. */
  actual: number;
  /** The target pro rata to the share of the period gone. */
  expectedToDate: number;
}

/**
 * Delivery positions for routing: who is behind and who is ahead. A port so the directory can ask without
 * depending on the insights app; absent when insights is not running (routing then says so).
 */
export abstract class DeliveryPositions {
  abstract at(now: string): Promise<Map<string, DeliveryPosition>>;
}

/** Each partner's position in the first contract in force that gives it a referrals-accepted target. */
export function deliveryPositionsFrom(view: OutcomesView): Map<string, DeliveryPosition> {
  const positions = new Map<string, DeliveryPosition>();
  for (const contract of view.acceptedAgainstTarget()) {
    if (contract.elapsed <= 0 || contract.elapsed >= 1) continue;
    for (const partner of contract.partners) {
      const { target, actual, expectedToDate } = partner.referralsAccepted;
      if (target === undefined || expectedToDate === undefined || positions.has(partner.partnerId)) continue;
      positions.set(partner.partnerId, { contractId: contract.contractId, contractName: contract.name, target, actual, expectedToDate });
    }
  }
  return positions;
}
