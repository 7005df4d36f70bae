import { RoutingCandidate, rankCandidates, scoreCandidate } from './routing-score';

const base: RoutingCandidate = {
  serviceId: 'job-club', name: 'Job Club', partnerId: 'calder-works', requestedNeeds: ['employment', 'debt'], needsMet: ['employment'],
  capacity: { available: 12, maximum: 20, unit: 'places' }, load: { open: 5, waitlisted: 0 },
  responsiveness: { answered: 10, accepted: 9, acceptanceRate: 0.9, medianHoursToAccept: 24 }, distanceKm: 3.2, nearestDistrict: 'HX3', personDistrict: 'HX1',
};

describe('routing score', () => {
  it('adds weighted parts that each say what they measure', () => {
    const scored = scoreCandidate(base);
    expect(scored.scoreParts).toEqual({ needs: 20, capacity: 12, distance: 13.1, responsiveness: 9, delivery: 5, load: 3.8 });
    expect(scored.score).toBe(62.9);
    expect(scored.reasons).toEqual([
      'meets employment (not debt)',
      '3.2 km from HX1 (delivered in HX3)',
      '12 of 20 places free',
      'accepts 90% of referrals, median 24 h to accept (10 answered in the last 90 days)',
      'no delivery target for accepted referrals',
      '5 open referral(s) against a maximum of 20 places',
    ]);
  });

  it('gives half marks where there is no evidence (distance or responsiveness unknown), and none for a full service', () => {
    const scored = scoreCandidate({ ...base, distanceKm: undefined, personDistrict: undefined, responsiveness: { answered: 0, accepted: 0 }, capacity: { available: 0, maximum: 4, unit: 'appointments-per-week' }, load: { open: 6, waitlisted: 2 } });
    expect(scored.scoreParts).toMatchObject({ distance: 7.5, responsiveness: 5, delivery: 5, capacity: 0, load: 0 });
    expect(scored.reasons).toEqual([
      'meets employment (not debt)',
      "distance unknown: the person's postcode is not known",
      'no appointments per week free: the referral would join its waitlist (2 already waiting)',
      'no referrals answered in the last 90 days',
      'no delivery target for accepted referrals',
      '6 open referral(s) against a maximum of 4 appointments per week',
    ]);
  });

  it('a partner that accepts slowly or rarely scores less on responsiveness', () => {
    expect(scoreCandidate({ ...base, responsiveness: { answered: 4, accepted: 4, acceptanceRate: 1, medianHoursToAccept: 240 } }).scoreParts.responsiveness).toBe(0);
    expect(scoreCandidate({ ...base, responsiveness: { answered: 4, accepted: 0, acceptanceRate: 0 } }).scoreParts.responsiveness).toBe(0);
    expect(scoreCandidate({ ...base, responsiveness: { answered: 4, accepted: 2, acceptanceRate: 0.5, medianHoursToAccept: 12 } }).scoreParts.responsiveness).toBe(5);
  });

  it('ranks by score, and says why each sits above the next', () => {
    const both = { ...base, serviceId: 'money-and-work', name: 'Money and Work', needsMet: ['employment', 'debt'], distanceKm: 12, capacity: { available: 2, maximum: 20, unit: 'places' as const } };
    const ranked = rankCandidates([base, both]);
    expect(ranked.map((r) => [r.rank, r.serviceId, r.score])).toEqual([[1, 'money-and-work', 67.6], [2, 'job-club', 62.9]]);
    expect(ranked[0].why).toBe('score 67.6 of 100, 4.7 above Job Club: ahead on needs +20; behind on capacity -10, distance -5.3');
    expect(ranked[1].why).toBe('score 62.9 of 100; nothing ranks below it');
    expect(rankCandidates([base, { ...base, serviceId: 'a-club', name: 'A Club' }]).map((r) => r.why)[0]).toMatch(/level with Job Club; listed first by name/);
  });

  it('favours a partner behind its delivery target and gives way for one ahead, saying by how much', () => {
    const position = (actual: number) => ({ contractId: 'k', contractName: 'Into Work', target: 40, actual, expectedToDate: 10 });
    const behind = scoreCandidate({ ...base, delivery: position(2) });
    expect(behind.scoreParts.delivery).toBe(9);
    expect(behind.reasons).toContain('accepted 2 referral(s) against 10 expected by now (target 40 in Into Work): 8 behind');
    expect(scoreCandidate({ ...base, delivery: position(10) }).scoreParts.delivery).toBe(5);
    expect(scoreCandidate({ ...base, delivery: position(10) }).reasons).toContain('accepted 10 referral(s) against 10 expected by now (target 40 in Into Work): on track');
    const ahead = scoreCandidate({ ...base, delivery: position(25) });
    expect(ahead.scoreParts.delivery).toBe(0);
    expect(ahead.reasons).toContain('accepted 25 referral(s) against 10 expected by now (target 40 in Into Work): 15 ahead');
    // Nothing expected yet (the period has just begun): neutral.
    expect(scoreCandidate({ ...base, delivery: { ...position(0), expectedToDate: 0 } }).scoreParts.delivery).toBe(5);
  });
});
