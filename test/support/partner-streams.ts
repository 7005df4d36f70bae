import type { OnedoorTestApp } from './onedoor-test-app';

/** Helpers shared by the partner-feed and webhook suites. */
export interface FeedItemBody {
  topic: string;
  key: string;
  event: { id: string; type: string; subject: string; position: number; time: string; data?: Record<string, unknown> & { personal?: Record<string, unknown> } };
}

export const shortType = (item: FeedItemBody) => item.event.type.replace(/^org\.onedoor\./, '').replace(/\.v1$/, '');

/** Every message of a partner's feed, paging with the cursor it returns. */
export async function wholeFeed(t: OnedoorTestApp, partnerId: string, as = partnerId, limit = 1000): Promise<FeedItemBody[]> {
  const items: FeedItemBody[] = [];
  let after = 0;
  for (;;) {
    const res = await t.http().get(`/partners/${partnerId}/events`).query({ after, limit }).set('authorization', t.auth(as)).expect(200);
    items.push(...res.body.items);
    if (res.body.items.length < limit) return items;
    after = res.body.next;
  }
}

/**
 * A person registered by one partner, with consent for another, and a referral from the first to the second:
 * the journey both suites watch. Returns the ids.
 */
export async function referPerson(t: OnedoorTestApp, options: { from: string; consentFor: string[]; serviceId: string; name: string; summary: string }) {
  const from = t.auth(options.from);
  const person = await t.http().post('/people').set('authorization', from)
    .send({ givenName: options.name, familyName: 'Feedtester', dateOfBirth: '1990-04-04', phone: '07700 900777', confirmedNotDuplicate: true }).expect(201);
  const personId: string = person.body.personId;
  const consentId = `consent-${personId}`;
  await t.http().post(`/people/${personId}/consents`).set('authorization', from).send({ consentId, scope: 'partners', partnerIds: options.consentFor, purposes: ['referral', 'case-management'] }).expect(201);
  const referral = await t.http().post('/referrals').set('authorization', from).send({ personId, needs: ['employment'], serviceId: options.serviceId, summary: options.summary }).expect(201);
  return { personId, consentId, referralId: referral.body.referralId as string };
}
