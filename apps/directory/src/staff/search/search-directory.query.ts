import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { WaitlistStatus } from '@onedoor/domain';
import { DirectoryReadModel, DirectoryService, ServiceLoad, districtCentroid, parsePostcode, searchWordsOf } from '@onedoor/projections';
import { badParameter } from '@onedoor/platform';
import { ensureKnownTerms } from '../known-terms';
import { DEFAULT_SEARCH_PER_PAGE, DirectorySearchQueryDto } from './directory-search-query.dto';

export class SearchDirectoryQuery {
  constructor(readonly query: DirectorySearchQueryDto) {}
}

/** One service as staff at the front door see it in search results. */
export interface DirectorySearchResultItem {
  serviceId: string;
  name: string;
  description: string;
  partner: { partnerId: string; name?: string };
  needs: string[];
  communities: string[];
  localities: string[];
  eligibility: DirectoryService['eligibility'];
  capacity: { available: number; maximum: number; unit: string; updatedAt: string };
  hasCapacity: boolean;
  /** False when it is full and its waitlist closed: routing there is refused. */
  takesReferrals: boolean;
  /** `joinsWaitlist`: routing here now puts the referral on the waitlist (full, list open); `waiting` are already on it. */
  waitlist: { status: WaitlistStatus; joinsWaitlist: boolean; waiting: number };
  openReferrals: number;
  distanceKm?: number;
  nearestDistrict?: string;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

@QueryHandler(SearchDirectoryQuery)
export class SearchDirectoryHandler implements IQueryHandler<SearchDirectoryQuery> {
  constructor(private readonly directory: DirectoryReadModel, private readonly load: ServiceLoad) {}

  async execute({ query }: SearchDirectoryQuery) {
    await ensureKnownTerms(this.directory, [
      { field: 'need', taxonomy: 'needs', codes: query.need ? [query.need] : [] },
      { field: 'community', taxonomy: 'communities', codes: query.community ? [query.community] : [] },
    ]);
    const page = query.page ?? 1;
    const perPage = query.per_page ?? DEFAULT_SEARCH_PER_PAGE;
    const district = query.postcode !== undefined ? parsePostcode(query.postcode)!.district! : undefined;
    const from = district ? districtCentroid(district) : undefined;
    const result = await this.directory.search({
      need: query.need,
      community: query.community,
      words: query.q !== undefined ? searchWordsOf(query.q) : undefined,
      near: from && { from, ...(query.within_km !== undefined ? { withinMetres: query.within_km * 1000 } : {}) },
      age: query.age,
      hasCapacity: query.has_capacity,
      offset: (page - 1) * perPage,
      limit: perPage,
    });
    const totalPages = Math.ceil(result.total / perPage);
    if (page > Math.max(totalPages, 1)) {
      throw badParameter('page', `page must be at most ${Math.max(totalPages, 1)}, the last page of ${result.total} result(s) at ${perPage} per page`, 'input.page-out-of-range');
    }
    const partnerNames = new Map((await this.directory.organizations()).map((o) => [o.partnerId, o.name]));
    return {
      total: result.total,
      page,
      per_page: perPage,
      total_pages: totalPages,
      ...(district ? { from: district } : {}),
      results: result.hits.map(({ service, distanceMetres, nearestDistrict }): DirectorySearchResultItem => {
        const load = this.load.ofService(service.serviceId);
        const { available, maximum, unit, updatedAt, waitlist } = service.capacity;
        return {
          serviceId: service.serviceId,
          name: service.name,
          description: service.description,
          partner: { partnerId: service.partnerId, name: partnerNames.get(service.partnerId) },
          needs: service.terms.filter((t) => t.taxonomy === 'needs').map((t) => t.code),
          communities: service.terms.filter((t) => t.taxonomy === 'communities').map((t) => t.code),
          localities: service.localities,
          eligibility: service.eligibility,
          capacity: { available, maximum, unit, updatedAt },
          hasCapacity: available > 0,
          // Full with the waitlist closed, it takes no referrals until places free up or the partner reopens the list.
          takesReferrals: available > 0 || waitlist === 'open',
          waitlist: { status: waitlist, joinsWaitlist: available === 0 && waitlist === 'open', waiting: load.waitlisted },
          openReferrals: load.open,
          ...(distanceMetres !== undefined ? { distanceKm: round1(distanceMetres / 1000), nearestDistrict } : {}),
        };
      }),
    };
  }
}
