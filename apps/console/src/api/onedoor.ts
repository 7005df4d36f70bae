import { ApiClient, newIdempotencyKey } from './client';
import type * as T from './types';

const id = encodeURIComponent;

/** A move on a referral, as the API names it. */
export type ReferralMove = 'accept' | 'reject' | 'start' | 'hold' | 'resume' | 'complete' | 'fail' | 'cancel' | 'entered-in-error' | 'handoff' | 'route';

/** Every call the console makes, typed by the generated schema (request bodies) and types.ts (answers). */
export function onedoorApi(client: ApiClient) {
  const write = <R>(method: string, path: string, body: unknown, options: { ifMatch?: number; idempotencyKey?: string } = {}) =>
    client.request<R>(method, path, { body, ifMatch: options.ifMatch, idempotencyKey: options.idempotencyKey ?? newIdempotencyKey() });
  return {
    signInOptions: () => client.get<T.SignInOptions>('/auth/sign-in-options'),
    devToken: (partnerId: string) => client.request<{ token: string; staffId: string }>('POST', '/auth/dev-token', { body: { partnerId } }),
    whoami: () => client.get<T.Actor>('/auth/whoami'),
    consortium: () => client.get<T.Consortium>('/consortium'),

    searchPeople: (search: string, dateOfBirth?: string, signal?: AbortSignal) => client.get<{ people: T.PersonSearchHit[]; more: boolean }>('/people', { query: { search, dateOfBirth, limit: 20 }, signal }),
    person: (personId: string) => client.get<T.Person>(`/people/${id(personId)}`),
    registerPerson: (body: T.RegisterPersonBody, idempotencyKey: string) => write<T.Person>('POST', '/people', body, { idempotencyKey }),
    giveConsent: (personId: string, body: T.GiveConsentBody, version: number, idempotencyKey: string) => write<T.Person>('POST', `/people/${id(personId)}/consents`, body, { ifMatch: version, idempotencyKey }),
    withdrawConsent: (personId: string, consentId: string, version: number) => write<T.Person>('POST', `/people/${id(personId)}/consents/${id(consentId)}/withdraw`, {}, { ifMatch: version }),
    timeline: (personId: string) => client.get<T.Timeline>(`/people/${id(personId)}/timeline`),
    routingSuggestions: (personId: string, needs: string[]) => client.get<T.Suggestions>(`/people/${id(personId)}/routing-suggestions`, { query: { needs: needs.join(',') } }),

    createReferral: (body: T.CreateReferralBody, idempotencyKey: string) => write<T.Referral>('POST', '/referrals', body, { idempotencyKey }),
    referral: (referralId: string) => client.get<T.Referral>(`/referrals/${id(referralId)}`),
    referralHistory: (referralId: string) => client.get<{ history: T.ReferralHistoryEntry[] }>(`/referrals/${id(referralId)}/history`),
    moveReferral: (referralId: string, move: ReferralMove, body: unknown, version: number) => write<T.Referral>('POST', `/referrals/${id(referralId)}/${move}`, body, { ifMatch: version }),
    recordInteraction: (referralId: string, body: T.RecordInteractionBody, idempotencyKey: string) => write<T.Referral>('POST', `/referrals/${id(referralId)}/interactions`, body, { idempotencyKey }),
    startEmployment: (personId: string, body: T.EmploymentStartBody) => write<unknown>('POST', `/participants/${id(personId)}/employment/start`, body),
    worklist: (partnerId: string) => client.get<T.Worklist>(`/partners/${id(partnerId)}/worklist`),

    services: () => client.get<{ items: T.Service[] }>('/services'),
    searchDirectory: (query: { need?: string; q?: string; postcode?: string; has_capacity?: boolean; page?: number }) => client.get<T.DirectoryPage>('/directory/search', { query: { ...query, per_page: 50 } }),
    setCapacity: (serviceId: string, body: T.CapacityBody, version?: number) => write<T.Service>('PUT', `/services/${id(serviceId)}/capacity`, body, { ifMatch: version }),
    setWaitlist: (serviceId: string, body: T.WaitlistBody, version?: number) => write<T.Service>('PUT', `/services/${id(serviceId)}/waitlist`, body, { ifMatch: version }),

    delivery: (asOf?: string) => client.get<T.DeliveryReport>('/insights/delivery', { query: { as_of: asOf } }),
    funnel: (asOf?: string, month?: string) => client.get<T.FunnelReport>('/insights/funnel', { query: { as_of: asOf, month } }),
    waitingTimes: (asOf?: string, month?: string) => client.get<T.WaitingTimesReport>('/insights/waiting-times', { query: { as_of: asOf, month } }),
    claims: (asOf?: string, month?: string) => client.get<T.ClaimsReport>('/insights/claims', { query: { as_of: asOf, month } }),
    recordGroupAttendance: (body: T.GroupAttendanceBody, idempotencyKey: string) => write<unknown>('POST', '/group-attendance', body, { idempotencyKey }),
  };
}

export type OnedoorApi = ReturnType<typeof onedoorApi>;
