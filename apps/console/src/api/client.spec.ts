import { ApiClient, RetryPolicy, newIdempotencyKey, urlOf, versionOf } from './client';
import { ApiProblem, NetworkProblem } from './problem';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

type Reply = Response | Error;

/** A fake network: answers (or failures) in order, and a record of every request as it was sent. */
function fakeNetwork(...replies: Reply[]) {
  const sent: Sent[] = [];
  const send = (async (input: string, init: RequestInit = {}) => {
    sent.push({ url: input, method: init.method ?? 'GET', headers: { ...(init.headers as Record<string, string>) }, body: init.body as string | undefined });
    const reply = replies.length > 1 ? replies.shift()! : replies[0];
    if (reply instanceof Error) throw reply;
    return reply.clone();
  }) as unknown as typeof fetch;
  return { send, sent };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const dropped = () => new TypeError('fetch failed');
const POLICY: RetryPolicy = { attempts: 3, delayMs: 400, inProgressWaits: 5 };

function clientWith(network: ReturnType<typeof fakeNetwork>, options: { token?: string; onSignedOut?: () => void; policy?: RetryPolicy } = {}) {
  const sleeps: number[] = [];
  const client = new ApiClient(() => options.token, options.onSignedOut, network.send, options.policy ?? POLICY, async (ms) => {
    sleeps.push(ms);
  });
  return { client, sleeps };
}

describe('ApiClient', () => {
  it('sends the bearer token and asks for JSON; a read has no body', async () => {
    const network = fakeNetwork(json(200, { people: [] }));
    const { client } = clientWith(network, { token: 'tok-123' });
    const answer = await client.get<{ people: unknown[] }>('/people', { query: { search: 'am', limit: 20 } });
    expect(answer).toEqual({ status: 200, body: { people: [] }, version: undefined });
    expect(network.sent).toHaveLength(1);
    expect(network.sent[0]).toEqual({ url: '/people?search=am&limit=20', method: 'GET', headers: { accept: 'application/json', authorization: 'Bearer tok-123' }, body: undefined });
  });

  it('sends no authorization header when signed out', async () => {
    const network = fakeNetwork(json(200, {}));
    const { client } = clientWith(network);
    await client.get('/auth/sign-in-options');
    expect(network.sent[0].headers.authorization).toBeUndefined();
  });

  it('sends a write as JSON with If-Match as a quoted version and the Idempotency-Key, and reads the new version', async () => {
    const network = fakeNetwork(json(200, { referralId: 'r1' }, { etag: '"4"' }));
    const { client } = clientWith(network, { token: 't' });
    const answer = await client.request('POST', '/referrals/r1/accept', { body: { note: 'yes' }, ifMatch: 3, idempotencyKey: 'key-1' });
    expect(network.sent[0].headers).toEqual({ accept: 'application/json', authorization: 'Bearer t', 'content-type': 'application/json', 'if-match': '"3"', 'idempotency-key': 'key-1' });
    expect(network.sent[0].body).toBe('{"note":"yes"}');
    expect(answer.version).toBe(4);
    expect(answer.status).toBe(200);
  });

  it('sends If-Match "0" for version 0 (a falsy version is still a version)', async () => {
    const network = fakeNetwork(json(200, {}));
    const { client } = clientWith(network);
    await client.request('PATCH', '/x', { body: {}, ifMatch: 0 });
    expect(network.sent[0].headers['if-match']).toBe('"0"');
  });

  it('retries a dropped connection with the same Idempotency-Key, waiting longer each time', async () => {
    const network = fakeNetwork(dropped(), dropped(), json(201, { personId: 'p1' }));
    const { client, sleeps } = clientWith(network);
    const answer = await client.request('POST', '/people', { body: { givenName: 'Amira' }, idempotencyKey: 'same-key' });
    expect(answer.body).toEqual({ personId: 'p1' });
    expect(network.sent.map((s) => s.headers['idempotency-key'])).toEqual(['same-key', 'same-key', 'same-key']);
    expect(network.sent.map((s) => s.body)).toEqual(Array(3).fill('{"givenName":"Amira"}'));
    expect(sleeps).toEqual([400, 800]);
  });

  it('gives up after the policy’s attempts and says OneDoor could not be reached', async () => {
    const last = dropped();
    const network = fakeNetwork(dropped(), dropped(), dropped(), last);
    const { client, sleeps } = clientWith(network);
    const failure = await client.request('POST', '/people', { body: {}, idempotencyKey: 'k' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NetworkProblem);
    expect((failure as NetworkProblem).cause).toBe(last);
    expect(network.sent).toHaveLength(1 + POLICY.attempts);
    expect(sleeps).toHaveLength(POLICY.attempts);
  });

  it('retries a read the same way', async () => {
    const network = fakeNetwork(dropped(), json(200, { ok: true }));
    const { client } = clientWith(network);
    expect((await client.get('/worklist')).body).toEqual({ ok: true });
    expect(network.sent).toHaveLength(2);
  });

  it('does not retry a write without an Idempotency-Key: it might have landed', async () => {
    const network = fakeNetwork(dropped(), json(201, {}));
    const { client, sleeps } = clientWith(network);
    await expect(client.request('POST', '/people', { body: {} })).rejects.toBeInstanceOf(NetworkProblem);
    expect(network.sent).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('does not retry once the caller aborted, and passes the abort on as it was', async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = Object.assign(new Error('This operation was aborted'), { name: 'AbortError' });
    const network = fakeNetwork(abort, json(200, {}));
    const { client } = clientWith(network);
    await expect(client.get('/people', { signal: controller.signal })).rejects.toBe(abort);
    expect(network.sent).toHaveLength(1);
  });

  it('waits for its own earlier attempt still in progress (409 idempotency.in-progress), then takes its answer', async () => {
    const inProgress = json(409, { statusCode: 409, rule: 'idempotency.in-progress', message: 'a request with this key is still being processed' });
    const network = fakeNetwork(inProgress, inProgress, json(201, { referralId: 'r9' }));
    const { client, sleeps } = clientWith(network);
    const answer = await client.request('POST', '/referrals', { body: {}, idempotencyKey: 'k-9' });
    expect(answer).toMatchObject({ status: 201, body: { referralId: 'r9' } });
    expect(network.sent.map((s) => s.headers['idempotency-key'])).toEqual(['k-9', 'k-9', 'k-9']);
    expect(sleeps).toEqual([400, 400]);
  });

  it('stops waiting after the policy’s waits and passes the refusal on', async () => {
    const network = fakeNetwork(json(409, { rule: 'idempotency.in-progress', message: 'still going' }));
    const { client } = clientWith(network);
    const failure = await client.request('POST', '/referrals', { body: {}, idempotencyKey: 'k' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiProblem);
    expect((failure as ApiProblem).rule).toBe('idempotency.in-progress');
    expect(network.sent).toHaveLength(1 + POLICY.inProgressWaits);
  });

  it('does not retry any other refusal', async () => {
    const network = fakeNetwork(json(409, { rule: 'concurrency.stale-version', message: 'stale' }), json(200, {}));
    const { client, sleeps } = clientWith(network);
    const failure = (await client.request('PATCH', '/x', { body: {}, ifMatch: 2, idempotencyKey: 'k' }).catch((e: unknown) => e)) as ApiProblem;
    expect(failure.isStale).toBe(true);
    expect(network.sent).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('tells the console the staff member is signed out on a 401, and only then', async () => {
    const onSignedOut = jest.fn();
    const { client } = clientWith(fakeNetwork(json(401, { rule: 'auth.token-invalid', message: 'token expired' })), { token: 'old', onSignedOut });
    await expect(client.get('/worklist')).rejects.toMatchObject({ status: 401, rule: 'auth.token-invalid' });
    expect(onSignedOut).toHaveBeenCalledTimes(1);

    const notAllowed = jest.fn();
    const other = clientWith(fakeNetwork(json(403, { rule: 'worklist.not-yours', message: 'no' })), { onSignedOut: notAllowed });
    await expect(other.client.get('/worklist')).rejects.toMatchObject({ status: 403 });
    expect(notAllowed).not.toHaveBeenCalled();
  });

  it('reads a refusal that is not JSON, or has no body, as a problem all the same', async () => {
    const text = clientWith(fakeNetwork(new Response('Bad Gateway', { status: 502 })));
    await expect(text.client.get('/x')).rejects.toMatchObject({ status: 502, message: 'Bad Gateway' });
    const empty = clientWith(fakeNetwork(new Response(null, { status: 500 })));
    await expect(empty.client.get('/x')).rejects.toMatchObject({ status: 500, message: 'request failed (500)' });
  });

  it('answers an empty success with no body', async () => {
    const { client } = clientWith(fakeNetwork(new Response(null, { status: 204 })));
    expect(await client.request('DELETE', '/x', { idempotencyKey: 'k' })).toEqual({ status: 204, body: undefined, version: undefined });
  });
});

describe('versionOf', () => {
  it('reads a strong or weak ETag carrying a version number', () => {
    expect(versionOf('"7"')).toBe(7);
    expect(versionOf('W/"7"')).toBe(7);
    expect(versionOf(' "12" ')).toBe(12);
    expect(versionOf('"0"')).toBe(0);
  });

  it('is undefined for anything else', () => {
    expect(versionOf(null)).toBeUndefined();
    expect(versionOf('')).toBeUndefined();
    expect(versionOf('7')).toBeUndefined();
    expect(versionOf('"abc"')).toBeUndefined();
    expect(versionOf('"-1"')).toBeUndefined();
    expect(versionOf('"7"junk')).toBeUndefined();
    expect(versionOf('w/"7"')).toBeUndefined();
  });
});

describe('urlOf', () => {
  it('adds the query, leaving out empty and missing values', () => {
    expect(urlOf('/people', { search: 'Amira Khan', limit: 20, postcode: '', after: undefined })).toBe('/people?search=Amira+Khan&limit=20');
    expect(urlOf('/directory', { hasCapacity: false })).toBe('/directory?hasCapacity=false');
    expect(urlOf('/worklist', { limit: 0 })).toBe('/worklist?limit=0');
  });

  it('is the bare path when nothing is left', () => {
    expect(urlOf('/people')).toBe('/people');
    expect(urlOf('/people', { search: '', limit: undefined })).toBe('/people');
  });

  it('encodes what needs encoding', () => {
    expect(urlOf('/people', { search: 'O’Brien & Sons=1' })).toBe(`/people?search=${encodeURIComponent('O’Brien').replace(/%20/g, '+')}+%26+Sons%3D1`);
  });
});

describe('newIdempotencyKey', () => {
  it('is a fresh console key each time, within the platform’s allowed characters', () => {
    const keys = new Set(Array.from({ length: 50 }, newIdempotencyKey));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^console-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9._:-]{1,200}$/);
  });
});
