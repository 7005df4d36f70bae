import { DEMO_PARTNERS } from '../../apps/onedoor/src/demo/demo-consortium';
import { ApiClient } from './api-client';

interface Partner { partnerId: string; name: string; role: string; active: boolean }
interface Service { serviceId: string; partnerId: string; name: string; needs: string[]; capacity: { available: number; maximum: number; unit: string }; status: string }

export interface ReferralFixtures {
  partnerId: string;
  token: string;
  serviceId: string;
  serviceName: string;
  need: string;
  /** People registered by `partnerId`, each with consortium-wide consent for referral. */
  personIds: string[];
}

/**
 * Sets up what the create-referral load needs, through the public API like any client: a dev token for
 * staff of one active partner, an active service with capacity (preferably another partner's, so the
 * referral is a real cross-partner routing), and a pool of people that partner registered, with consent.
 */
export async function prepareReferralFixtures(baseUrl: string, poolSize: number): Promise<ReferralFixtures> {
  const anonymous = new ApiClient(baseUrl);
  const { partnerId, token } = await choosePartner(anonymous);
  const api = anonymous.withToken(token);

  const { items } = await api.call<{ items: Service[] }>('GET', '/services');
  const open = items.filter((s) => s.status === 'active' && s.capacity.available > 0 && s.needs.length > 0);
  const elsewhere = open.filter((s) => s.partnerId !== partnerId);
  const service = elsewhere.find((s) => s.needs.includes('employment')) ?? elsewhere[0] ?? open[0];
  if (!service) throw new Error(`no active service with capacity among ${items.length} services`);
  const need = service.needs.includes('employment') ? 'employment' : service.needs[0];

  const personIds = await ApiClient.eachLimited(Array.from({ length: poolSize }, (_, i) => i), 8, async (i) => {
    const person = await api.call<{ personId: string }>('POST', '/people', {
      givenName: `Bench${i}`,
      familyName: `Load${poolSize}-${i}`,
      dateOfBirth: dateOfBirth(i),
      confirmedNotDuplicate: true,
    }, 201);
    await api.call('POST', `/people/${person.personId}/consents`, { scope: 'consortium', purposes: ['referral'] }, 201);
    return person.personId;
  });
  return { partnerId, token, serviceId: service.serviceId, serviceName: service.name, need, personIds };
}

/**
 * Staff of the demo consortium's front door (its hub, who registers people and refers them on), or of
 * BENCH_PARTNER_ID; checked against GET /consortium so a changed seed fails here, clearly.
 */
async function choosePartner(anonymous: ApiClient): Promise<{ partnerId: string; token: string }> {
  const wanted = process.env.BENCH_PARTNER_ID ?? DEMO_PARTNERS.find((p) => p.role === 'hub')?.partnerId ?? DEMO_PARTNERS[0].partnerId;
  const { token } = await anonymous.call<{ token: string }>('POST', '/auth/dev-token', { partnerId: wanted });
  const { partners } = await anonymous.withToken(token).call<{ partners: Partner[] }>('GET', '/consortium');
  const partner = partners.find((p) => p.partnerId === wanted);
  if (!partner?.active) throw new Error(`partner ${wanted} is not an active member: ${partners.map((p) => p.partnerId).join(', ')}`);
  return { partnerId: wanted, token };
}

function dateOfBirth(i: number): string {
  const year = 1950 + (i % 50);
  const month = String((i % 12) + 1).padStart(2, '0');
  const day = String((i % 28) + 1).padStart(2, '0');
  return `${year}-${month}-${day}`;
}
