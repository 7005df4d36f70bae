import { RuleViolation } from '../shared/rule-violation';

/** The three ways a consortium is organised (see DESIGN.md glossary). */
export const CONSORTIUM_STRUCTURES = ['lead-partner', 'umbrella', 'partnership-of-equals'] as const;
export type ConsortiumStructure = (typeof CONSORTIUM_STRUCTURES)[number];

export const PARTNER_ROLES = ['hub', 'lead', 'delivery'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

/** Which managing role each structure has: a lead partner that also delivers, a hub that manages members, or none. */
const MANAGING_ROLE: Record<ConsortiumStructure, PartnerRole | undefined> = {
  'lead-partner': 'lead',
  umbrella: 'hub',
  'partnership-of-equals': undefined,
};

export function managingRoleOf(structure: ConsortiumStructure): PartnerRole | undefined {
  return MANAGING_ROLE[structure];
}

/** A structure allows delivery members plus at most one partner in its managing role. */
export function ensureRoleFits(structure: ConsortiumStructure, role: PartnerRole, managerAlreadyPresent: boolean): void {
  if (role === 'delivery') return;
  const managing = MANAGING_ROLE[structure];
  if (role !== managing) {
    throw new RuleViolation(
      'consortium.role-not-in-structure',
      managing
        ? `a ${structure} consortium has a ${managing} and delivery partners, not a ${role}`
        : `a partnership of equals has only delivery partners, not a ${role}`,
    );
  }
  if (managerAlreadyPresent) {
    throw new RuleViolation('consortium.single-manager', `a ${structure} consortium already has its ${managing}`, 'conflict');
  }
}
