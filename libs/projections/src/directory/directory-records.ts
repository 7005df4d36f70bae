import type { Capacity, PartnerRole, ServiceDescription, WaitlistStatus } from '@onedoor/domain';
import type { DirectoryTaxonomyKey } from './directory-taxonomy';

/**
 * What the directory read model stores: our own facts in our own words, each with the HSDS id it is
 * published under. Turning them into HSDS/Open Referral JSON is the directory app's job.
 */

export interface DirectoryConsortium {
  consortiumId: string;
  name: string;
  /** The UUID namespace every HSDS id in this directory is derived from. */
  idNamespace: string;
}

/** A partner, published as an HSDS organization. Former partners stay, so their services' links hold. */
export interface DirectoryOrganization {
  id: string;
  partnerId: string;
  name: string;
  role: PartnerRole;
  /** A current member of the consortium. */
  member: boolean;
  joinedAt: string;
  leftAt?: string;
  lastModified: string;
}

export interface DirectoryCapacity extends Capacity {
  /** HSDS ids of the service_capacity and of its unit. */
  id: string;
  unitId: string;
  /** When the partner last set it (listing or capacity update). */
  updatedAt: string;
  /** Whether a full service takes referrals onto its waitlist (not in HSDS: shown to staff only). */
  waitlist: WaitlistStatus;
}

/** A locality a service covers, as the partner wrote it; a postcode district (`HX1`) is recognised as such. */
export interface DirectoryServiceArea {
  id: string;
  name: string;
  postcodeDistrict?: string;
}

/** A service offered in a postcode district: the HSDS service_at_location that links them. */
export interface DirectoryServiceAtLocation {
  id: string;
  locationId: string;
}

export interface DirectoryTermLink {
  /** The HSDS attribute id of this link. */
  id: string;
  taxonomy: DirectoryTaxonomyKey;
  code: string;
  termId: string;
}

export type DirectoryServiceStatus = 'active' | 'inactive';

export interface DirectoryService extends ServiceDescription {
  id: string;
  serviceId: string;
  partnerId: string;
  organizationId: string;
  /** Inactive once withdrawn, or while its partner is not a member of the consortium. */
  status: DirectoryServiceStatus;
  inactiveBecause?: 'withdrawn' | 'partner-left';
  capacity: DirectoryCapacity;
  /** Its needs and communities as taxonomy terms, needs first, in the partner's order. */
  terms: DirectoryTermLink[];
  serviceAreas: DirectoryServiceArea[];
  serviceAtLocations: DirectoryServiceAtLocation[];
  listedAt: string;
  withdrawnAt?: string;
  /** The latest change to the service or to what it shows (its status when its partner leaves or rejoins). */
  lastModified: string;
}

/** A postcode district a service is delivered in. We record areas, not street addresses. */
export interface DirectoryLocation {
  id: string;
  postcodeDistrict: string;
  /** The district's approximate centre, where the offline centroid table knows it. */
  latitude?: number;
  longitude?: number;
}

export interface DirectoryTaxonomy {
  id: string;
  key: DirectoryTaxonomyKey;
  name: string;
  description: string;
}

export interface DirectoryTaxonomyTerm {
  id: string;
  taxonomyId: string;
  taxonomy: DirectoryTaxonomyKey;
  code: string;
  name: string;
  description: string;
}

/** A service at one of its locations, joined for reading. */
export interface DirectoryServiceAtLocationView {
  id: string;
  service: DirectoryService;
  location: DirectoryLocation;
}

/** Everything one event changed, written at once with the event's position (upserts; the directory never deletes). */
export interface DirectoryChanges {
  consortium?: DirectoryConsortium;
  organizations?: DirectoryOrganization[];
  services?: DirectoryService[];
  locations?: DirectoryLocation[];
  taxonomies?: DirectoryTaxonomy[];
  taxonomyTerms?: DirectoryTaxonomyTerm[];
}
