/** The money columns of a claim line, in pence: what a ledger total, a month and a year to date all add up. */
export interface ClaimMoney {
  claimsPence: number;
  adjustmentsPence: number;
  clawbacksPence: number;
  netPence: number;
  /** The hub's fee on a member's net claim. */
  hubFeePence: number;
  /** What the partner receives: net minus the hub's fee. */
  payablePence: number;
}

export const CLAIM_MONEY_KEYS = ['claimsPence', 'adjustmentsPence', 'clawbacksPence', 'netPence', 'hubFeePence', 'payablePence'] as const;

export const noClaimMoney = (): ClaimMoney => ({ claimsPence: 0, adjustmentsPence: 0, clawbacksPence: 0, netPence: 0, hubFeePence: 0, payablePence: 0 });

/** Adds `line`'s money into `into`. */
export function addClaimMoney(into: ClaimMoney, line: ClaimMoney): void {
  for (const key of CLAIM_MONEY_KEYS) into[key] += line[key];
}

/** Only the money columns of a line that has more. */
export const claimMoneyOf = (line: ClaimMoney): ClaimMoney => Object.fromEntries(CLAIM_MONEY_KEYS.map((k) => [k, line[k]])) as unknown as ClaimMoney;
