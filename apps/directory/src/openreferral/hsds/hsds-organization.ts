import type { DirectoryConsortium, DirectoryOrganization } from '@onedoor/projections';

/** An HSDS organization with its one-to-one fields (the list shape). */
export function hsdsOrganization(organization: DirectoryOrganization, consortium: DirectoryConsortium | undefined) {
  return { id: organization.id, name: organization.name, description: describe(organization, consortium?.name ?? 'the consortium') };
}

/** HSDS requires a description; we know a partner's name and its place in the consortium, so we say that. */
function describe(organization: DirectoryOrganization, consortium: string): string {
  const { name, role, member, leftAt } = organization;
  if (!member) return `${name} was a partner of ${consortium}${leftAt ? ` until ${leftAt.slice(0, 10)}` : ''}.`;
  if (role === 'hub') return `${name} is the hub of ${consortium}.`;
  if (role === 'lead') return `${name} is the lead partner of ${consortium}.`;
  return `${name} is a delivery partner of ${consortium}.`;
}
