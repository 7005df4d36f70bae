import type { ServiceName } from '@onedoor/platform';

/** Who may call a route: staff with a bearer token (checked at the gateway and again by the service), or anyone. */
export type RouteAccess = 'staff' | 'public';

export interface ServiceRoute {
  method: string;
  /** The OpenAPI path template, e.g. `/referrals/{referralId}`. */
  path: string;
  service: ServiceName;
  access: RouteAccess;
}

/** A whole path prefix one service answers, every method (the Open Referral API: its CORS preflights, `/openreferral/`). */
export interface ServicePrefix {
  prefix: string;
  service: ServiceName;
  access: RouteAccess;
}

const staff = (service: ServiceName, ...routes: string[]) => routes.map((r) => parse(r, service, 'staff'));
const open = (service: ServiceName, ...routes: string[]) => routes.map((r) => parse(r, service, 'public'));
function parse(route: string, service: ServiceName, access: RouteAccess): ServiceRoute {
  const [method, path] = route.split(' ');
  return { method, path, service, access };
}

/**
 * Every route the gateway passes to a service. Everything else the all-in-one answers, the gateway answers itself
 * (tokens, sign-in options, worklists, timelines, the live stream, health, the console, /docs). A test compares
 * this table with the all-in-one's OpenAPI paths and each service's own, so a new route left out here fails it.
 */
export const SERVICE_ROUTES: readonly ServiceRoute[] = [
  ...staff('referrals', 'POST /consortium', 'GET /consortium', 'POST /consortium/partners', 'POST /consortium/partners/{partnerId}/leave'),
  ...staff('referrals', 'POST /services', 'GET /services', 'GET /services/{serviceId}', 'PATCH /services/{serviceId}', 'PUT /services/{serviceId}/capacity', 'PUT /services/{serviceId}/waitlist', 'POST /services/{serviceId}/withdraw'),
  ...staff('referrals', 'POST /people', 'GET /people', 'GET /people/duplicates', 'GET /people/{personId}', 'PATCH /people/{personId}', 'DELETE /people/{personId}', 'POST /people/{personId}/consents', 'POST /people/{personId}/consents/{consentId}/withdraw'),
  ...staff('referrals', 'POST /referrals', 'GET /referrals/{referralId}', 'GET /referrals/{referralId}/history'),
  ...['route', 'accept', 'reject', 'start', 'hold', 'resume', 'complete', 'fail', 'cancel', 'entered-in-error', 'handoff', 'interactions'].flatMap((action) => staff('referrals', `POST /referrals/{referralId}/${action}`)),
  ...staff('directory', 'GET /directory/search', 'GET /people/{personId}/routing-suggestions'),
  ...staff('insights', 'POST /contracts', 'GET /contracts', 'GET /contracts/{contractId}', 'POST /contracts/{contractId}/amendments', 'POST /contracts/{contractId}/adjustments', 'POST /contracts/{contractId}/clawbacks'),
  ...staff('insights', 'POST /group-attendance', 'POST /participants/{personId}/employment/start', 'POST /participants/{personId}/employment/end'),
  ...['milestones', 'claims', 'delivery', 'funnel', 'waiting-times', 'outcomes'].flatMap((report) => staff('insights', `GET /insights/${report}`)),
  ...staff('relay', 'GET /partners/{partnerId}/events', 'POST /partners/{partnerId}/webhooks', 'GET /partners/{partnerId}/webhooks', 'DELETE /partners/{partnerId}/webhooks/{webhookId}'),
  ...staff('relay', 'GET /partners/{partnerId}/webhooks/dead-letters', 'POST /partners/{partnerId}/webhooks/dead-letters/replay', 'POST /partners/{partnerId}/webhooks/dead-letters/{deadLetterId}/replay'),
  ...open('relay', 'GET /asyncapi.json', 'GET /health/relay'),
];

export const SERVICE_PREFIXES: readonly ServicePrefix[] = [{ prefix: '/openreferral', service: 'directory', access: 'public' }];

/** Where the gateway sends `method path` (an OpenAPI template or a concrete path without a query), if anywhere. */
export function serviceFor(method: string, path: string): { service: ServiceName; access: RouteAccess } | undefined {
  const prefix = SERVICE_PREFIXES.find((p) => path === p.prefix || path.startsWith(`${p.prefix}/`));
  if (prefix) return prefix;
  const pattern = (template: string) => new RegExp(`^${template.replace(/\{[^/}]+\}/g, '[^/]+')}$`);
  return SERVICE_ROUTES.find((r) => r.method === method && (r.path === path || pattern(r.path).test(path)));
}

/** The OpenAPI template as a Fastify route path: `{id}` becomes `:id`. */
export const fastifyPath = (template: string) => template.replace(/\{([^/}]+)\}/g, ':$1');
