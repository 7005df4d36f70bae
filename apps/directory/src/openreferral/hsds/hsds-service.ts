import type { CapacityUnit } from '@onedoor/domain';
import type { DirectoryService } from '@onedoor/projections';
import type { DirectoryContext } from '../directory-context';
import { hsdsLocation } from './hsds-location';
import { hsdsOrganization } from './hsds-organization';
import { hsdsTaxonomyTerm } from './hsds-taxonomy';

const UNIT_NAMES: Record<CapacityUnit, string> = {
  places: 'Places',
  'appointments-per-week': 'Appointments per week',
  'hours-per-week': 'Hours per week',
  'sessions-per-month': 'Sessions per month',
};

/** How a service's needs and communities link to their terms: what each describes (HSDS attribute.link_type). */
const LINK_TYPES = { needs: 'need', communities: 'audience' } as const;

/**
 * A service's capacity in the HSDS 3.1 service_capacity shape (HSDS 3.0 and the UK profile have none):
 * available and maximum in a named unit, and when it was last set.
 */
export function hsdsServiceCapacity(service: DirectoryService) {
  const { capacity } = service;
  const unitName = UNIT_NAMES[capacity.unit] ?? capacity.unit;
  return {
    id: capacity.id,
    service_id: service.id,
    unit_id: capacity.unitId,
    unit: { id: capacity.unitId, name: unitName, scheme: 'OneDoor', identifier: capacity.unit },
    available: capacity.available,
    maximum: capacity.maximum,
    description: `${capacity.available} of ${capacity.maximum} ${unitName.toLowerCase()} available`,
    updated: capacity.updatedAt,
  };
}

/** An HSDS service with its one-to-one fields, its organization and its capacity (the list shape). */
export function hsdsServiceSummary(service: DirectoryService, context: DirectoryContext, options: { withOrganization?: boolean } = {}) {
  const { eligibility } = service;
  const organization = context.organization(service.organizationId);
  return {
    id: service.id,
    organization_id: service.organizationId,
    name: service.name,
    description: service.description,
    status: service.status,
    ...(eligibility.description !== undefined ? { eligibility_description: eligibility.description } : {}),
    ...(eligibility.minimumAge !== undefined ? { minimum_age: eligibility.minimumAge } : {}),
    ...(eligibility.maximumAge !== undefined ? { maximum_age: eligibility.maximumAge } : {}),
    last_modified: service.lastModified,
    ...(organization && options.withOrganization !== false ? { organization: hsdsOrganization(organization, context.consortium) } : {}),
    service_capacity: hsdsServiceCapacity(service),
  };
}

/**
 * A fully nested HSDS service. Languages, contacts and schedules are empty: OneDoor does not record them
 * yet, and an empty list says so without inventing any.
 */
export function hsdsService(service: DirectoryService, context: DirectoryContext, options: { withServiceAtLocations?: boolean } = {}) {
  return {
    ...hsdsServiceSummary(service, context),
    service_areas: service.serviceAreas.map((area) => ({
      id: area.id,
      service_id: service.id,
      name: area.name,
      service_area: area.name,
      ...(area.postcodeDistrict ? { description: `The ${area.postcodeDistrict} postcode district` } : {}),
    })),
    ...(options.withServiceAtLocations !== false
      ? {
          service_at_locations: service.serviceAtLocations.flatMap((sal) => {
            const location = context.location(sal.locationId);
            return location ? [{ id: sal.id, service_id: service.id, location_id: location.id, location: hsdsLocation(location) }] : [];
          }),
        }
      : {}),
    attributes: service.terms.flatMap((link) => {
      const term = context.term(link.termId);
      if (!term) return [];
      return [{
        id: link.id,
        link_id: service.id,
        link_type: LINK_TYPES[link.taxonomy],
        link_entity: 'service',
        taxonomy_term_id: term.id,
        taxonomy_term: hsdsTaxonomyTerm(term, context.taxonomy(term.taxonomyId)),
      }];
    }),
    languages: [],
    contacts: [],
    schedules: [],
  };
}
