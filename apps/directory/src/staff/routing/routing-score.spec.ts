import { DELIVERY_TARGETS_NOTE, RoutingCandidate, rankCandidates, scoreCandidate } from './routing-score';

const base: RoutingCandidate = {
  serviceId: 'job-club', name: 'Job Club', partnerId: 'calder-works', requestedNeeds: ['employment', 'debt'], needsMet: ['employment'],
  capacity: { available: 12, maximum: 20, unit: 'places' }, load: { open: 5, waitlisted: 0 },
  responsiveness: { answered: 10, accepted: 9, acceptanceRate: 0.9, medianHoursToAccept: 24 }, distanceKm: 3.2, nearestDistrict: 'HX3', personDistrict: 'HX1',
};

describe('routing score', () => {
  it('adds weighted parts that each say what they measure', () => {
    const scored = scoreCandidate(base);
    expect(scored.scoreParts).toEqual({ needs: 20, capacity: 12, distance: 17.4, responsiveness: 13.5, load: 3.8 });
    expect(scored.score).toBe(66.7);
    expect(scored.reasons).toEqual([
      'meets employment (not debt)',
      '3.2 km from HX1 (delivered in HX3)',
      '12 of 20 places free',
      'accepts 90% of referrals, median 24 h to accept (10 answered in the last 90 days)',
      '5 open referral(s) against a maximum of 20 places',
    ]);
  });

  it('gives half marks where there is no evidence (distance or responsiveness unknown), and none for a full service', () => {
    const scored = scoreCandidate({ ...base, distanceKm: undefined, personDistrict: undefined, responsiveness: { answered: 0, accepted: 0 }, capacity: { available: 0, maximum: 4, unit: 'appointments-per-week' }, load: { open: 6, waitlisted: 2 } });
    expect(scored.scoreParts).toMatchObject({ distance: 10, responsiveness: 7.5, capacity: 0, load: 0 });
    expect(scored.reasons).toEqual([
      'meets employment (not debt)',
      "distance unknown: the person's postcode is not known",
      'no appointments per week free: the referral would join its waitlist (2 already waiting)',
      'no referrals answered in the last 90 days',
      '6 open referral(s) against a maximum of 4 appointments per week',
    ]);
  });

  it('a partner that accepts slowly or rarely scores less on responsiveness', () => {
    expect(scoreCandidate({ ...base, responsiveness: { answered: 4, accepted: 4, acceptanceRate: 1, medianHoursToAccept: 240 } }).scoreParts.responsiveness).toBe(0);
    expect(scoreCandidate({ ...base, responsiveness: { answered: 4, accepted: 0, acceptanceRate: 0 } }).scoreParts.responsiveness).toBe(0);
    expect(scoreCandidate({ ...base, responsiveness: { answered: 4, accepted: 2, acceptanceRate: 0.5, medianHoursToAccept: 12 } }).scoreParts.responsiveness).toBe(7.5);
  });

  it('ranks by score, and says why each sits above the next', () => {
    const both = { ...base, serviceId: 'money-and-work', name: 'Money and Work', needsMet: ['employment', 'debt'], distanceKm: 12, capacity: { available: 2, maximum: 20, unit: 'places' as const } };
    const ranked = rankCandidates([base, both]);
    expect(ranked.map((r) => [r.rank, r.serviceId, r.score])).toEqual([[1, 'money-and-work', 69.7], [2, 'job-club', 66.7]]);
    expect(ranked[0].why).toBe('score 69.7 of 100, 3 above Job Club: ahead on needs +20; behind on capacity -10, distance -7');
    expect(ranked[1].why).toBe('score 66.7 of 100; nothing ranks below it');
    expect(rankCandidates([base, { ...base, serviceId: 'a-club', name: 'A Club' }]).map((r) => r.why)[0]).toMatch(/level with Job Club; listed first by name/);
  });

  it('is honest that delivery targets do not exist yet', () => {
    expect(DELIVERY_TARGETS_NOTE).toMatch(/arrive with the insights/);
  });
});
