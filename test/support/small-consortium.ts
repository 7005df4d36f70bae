import request from 'supertest';

/** A service listing as POST /services takes it. */
export const listing = (serviceId: string, need: string, available = 50) => ({
  serviceId, name: `Service ${serviceId}`, description: 'Weekly', needs: [need], localities: ['Halifax'], communities: [], eligibility: {},
  capacity: { available, maximum: Math.max(available, 50), unit: 'places' },
});

/**
 * Forms the consortium the distributed suites work in, through `url` (a referrals service or the gateway): the hub,
 * two delivery partners (works, minds) and works' job club with room for many referrals.
 */
export async function formSmallConsortium(url: string, as: (partnerId: string) => string): Promise<void> {
  const http = () => request(url);
  await http().post('/consortium').set('authorization', as('hub')).send({ name: 'Scale Valley Consortium', structure: 'umbrella' }).expect(201);
  await http().post('/consortium/partners').set('authorization', as('hub')).send({ partnerId: 'hub', name: 'Hub', role: 'hub' }).expect(201);
  for (const [partnerId, name] of [['works', 'Works'], ['minds', 'Minds']]) {
    await http().post('/consortium/partners').set('authorization', as('hub')).send({ partnerId, name, role: 'delivery' }).expect(201);
  }
  await http().post('/services').set('authorization', as('works')).send(listing('job-club', 'employment', 500)).expect(201);
}

/** Registers a person with consent covering the whole consortium; their id. */
export async function registerConsentingPerson(url: string, as: (partnerId: string) => string, givenName = 'Amira'): Promise<string> {
  const person = await request(url).post('/people').set('authorization', as('hub')).send({ givenName, familyName: 'Khan', dateOfBirth: '1990-05-04', postcode: 'HX1 1AA' }).expect(201);
  const personId = person.body.personId as string;
  await request(url).post(`/people/${personId}/consents`).set('authorization', as('hub')).send({ scope: 'consortium', purposes: ['referral', 'case-management'] }).expect(201);
  return personId;
}
