import { Optional } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Actor, ageOn, consentCovers } from '@onedoor/domain';
import { AccessPolicy, Clock } from '@onedoor/platform';
import { ERASED } from '@onedoor/personal-data';
import { DeliveryPositions, DirectoryReadModel, DirectorySearchHit, PartnerResponsiveness, PersonRegister, ServiceLoad, districtCentroid, parsePostcode } from '@onedoor/projections';
import { ensureKnownTerms } from '../known-terms';
import { NO_DELIVERY_TARGETS_NOTE, ROUTING_WEIGHTS, RoutingCandidate, rankCandidates } from './routing-score';

export class GetRoutingSuggestionsQuery {
  constructor(readonly personId: string, readonly needs: string[], readonly limit: number, readonly actor: Actor) {}
}

/** Enough to take every active service meeting one need in a single read; a consortium lists far fewer. */
const ALL = 100_000;
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Services that fit a person's needs, age, place and consent, ranked by a score that explains itself.
 * Services the person is too young or old for, or whose partner their active consent does not cover for
 * referral, are left out and counted; age and place count only where known (erased details are unknown).
 */
@QueryHandler(GetRoutingSuggestionsQuery)
export class GetRoutingSuggestionsHandler implements IQueryHandler<GetRoutingSuggestionsQuery> {
  constructor(
    private readonly access: AccessPolicy,
    private readonly register: PersonRegister,
    private readonly directory: DirectoryReadModel,
    private readonly load: ServiceLoad,
    private readonly responsiveness: PartnerResponsiveness,
    private readonly clock: Clock,
    /** Present when the insights module runs in the same process (the all-in-one app). */
    @Optional() private readonly deliveryPositions?: DeliveryPositions,
  ) {}

  async execute({ personId, needs, limit, actor }: GetRoutingSuggestionsQuery) {
    this.access.visiblePerson(personId, actor);
    await ensureKnownTerms(this.directory, [{ field: 'needs', taxonomy: 'needs', codes: needs }]);
    const now = this.clock.now();
    const details = this.register.details(personId);
    const known = details && details !== ERASED ? details : undefined;
    const age = known?.dateOfBirth ? ageOn(known.dateOfBirth, now) : undefined;
    const district = known?.postcode ? parsePostcode(known.postcode)?.district : undefined;
    const from = district ? districtCentroid(district) : undefined;
    const consents = this.register.consents(personId);
    const positions = this.deliveryPositions ? await this.deliveryPositions.at(now) : undefined;

    // One indexed search per need; a service meeting several needs is met once, with all of them.
    const found = new Map<string, { hit: DirectorySearchHit; needsMet: string[] }>();
    for (const need of needs) {
      const { hits } = await this.directory.search({ need, ...(from ? { near: { from } } : {}), offset: 0, limit: ALL });
      for (const hit of hits) {
        const entry = found.get(hit.service.id) ?? { hit, needsMet: [] };
        entry.needsMet.push(need);
        found.set(hit.service.id, entry);
      }
    }
    const excluded = { ageIneligible: 0, consentDoesNotCover: 0, fullWithWaitlistClosed: 0 };
    const candidates: RoutingCandidate[] = [];
    for (const { hit, needsMet } of found.values()) {
      const { service } = hit;
      if (age !== undefined && ((service.eligibility.minimumAge ?? 0) > age || age > (service.eligibility.maximumAge ?? 130))) {
        excluded.ageIneligible += 1;
        continue;
      }
      // Routing there would be refused until places free up or the partner reopens its waitlist.
      if (service.capacity.available === 0 && service.capacity.waitlist === 'closed') {
        excluded.fullWithWaitlistClosed += 1;
        continue;
      }
      // A live referral needs consent covering the receiving partner: suggesting one it does not cover would only be refused.
      if (!consentCovers(consents, service.partnerId, now, 'referral')) {
        excluded.consentDoesNotCover += 1;
        continue;
      }
      candidates.push({
        serviceId: service.serviceId,
        name: service.name,
        partnerId: service.partnerId,
        requestedNeeds: needs,
        needsMet,
        capacity: { available: service.capacity.available, maximum: service.capacity.maximum, unit: service.capacity.unit },
        load: this.load.ofService(service.serviceId),
        responsiveness: this.responsiveness.of(service.partnerId, now),
        ...(positions?.has(service.partnerId) ? { delivery: positions.get(service.partnerId) } : {}),
        ...(hit.distanceMetres !== undefined ? { distanceKm: round1(hit.distanceMetres / 1000), nearestDistrict: hit.nearestDistrict } : {}),
        ...(district ? { personDistrict: district } : {}),
      });
    }
    const partnerNames = new Map((await this.directory.organizations()).map((o) => [o.partnerId, o.name]));
    const ranked = rankCandidates(candidates).slice(0, limit);
    return {
      personId,
      needs,
      age: age ?? null,
      postcodeDistrict: district ?? null,
      weights: ROUTING_WEIGHTS,
      suggestions: ranked.map(({ requestedNeeds, personDistrict, load, delivery, ...s }) => ({
        ...s,
        partnerName: partnerNames.get(s.partnerId),
        waitlisted: s.capacity.available === 0,
        openReferrals: load.open,
        waitingReferrals: load.waitlisted,
        // No target (or no insights running): null rather than invented.
        delivery: delivery ? { ...delivery, behindBy: delivery.expectedToDate - delivery.actual } : null,
      })),
      total: candidates.length,
      excluded,
      notes: [...(positions ? [] : [NO_DELIVERY_TARGETS_NOTE]), ...(age === undefined ? ["The person's age is not known (erased or not recorded): age eligibility was not checked."] : []), ...(district === undefined ? ["The person's postcode district is not known or has no known centre: distances are not measured."] : [])],
    };
  }
}
