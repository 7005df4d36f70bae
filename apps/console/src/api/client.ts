import { ApiProblem, NetworkProblem, problemFrom } from './problem';

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  /** The version the edit is based on (the ETag): a newer version answers 409, never overwrites. */
  ifMatch?: number;
  /** The same key on a retry means the server does the write at most once and repeats its first answer. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface ApiAnswer<T> {
  status: number;
  body: T;
  /** The version from the ETag header, when the answer carries one. */
  version?: number;
}

export interface RetryPolicy {
  /** Attempts after a dropped connection (only for reads and for writes carrying an Idempotency-Key). */
  attempts: number;
  delayMs: number;
  /** How long to wait for a first attempt with the same key still being processed. */
  inProgressWaits: number;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 3, delayMs: 400, inProgressWaits: 20 };

/** The console's only door to the API: the bearer token, JSON, ETags, idempotent retries, and readable refusals. */
export class ApiClient {
  constructor(
    private readonly token: () => string | undefined,
    private readonly onSignedOut: () => void = () => undefined,
    private readonly send: typeof fetch = (input, init) => fetch(input, init),
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  get<T>(path: string, options: Omit<RequestOptions, 'body' | 'idempotencyKey'> = {}): Promise<ApiAnswer<T>> {
    return this.request<T>('GET', path, options);
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiAnswer<T>> {
    const retriable = method === 'GET' || options.idempotencyKey !== undefined;
    let dropped = 0;
    let waited = 0;
    for (;;) {
      let response: Response;
      try {
        response = await this.send(urlOf(path, options.query), { method, headers: this.headers(options), body: options.body === undefined ? undefined : JSON.stringify(options.body), signal: options.signal });
      } catch (error) {
        if (options.signal?.aborted) throw error;
        if (!retriable || dropped >= this.retry.attempts) throw new NetworkProblem(error);
        dropped += 1;
        await this.sleep(this.retry.delayMs * dropped);
        continue;
      }
      const body = await bodyOf(response);
      if (response.ok) return { status: response.status, body: body as T, version: versionOf(response.headers.get('etag')) };
      const problem = problemFrom(response.status, body);
      // Our own earlier attempt (a double click, a retry) is still running: its answer is the one we want.
      if (problem.rule === 'idempotency.in-progress' && waited < this.retry.inProgressWaits) {
        waited += 1;
        await this.sleep(this.retry.delayMs);
        continue;
      }
      if (response.status === 401) this.onSignedOut();
      throw problem;
    }
  }

  private headers(options: RequestOptions): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = this.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
    if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
    return headers;
  }
}

export function urlOf(path: string, query: RequestOptions['query'] = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** `"7"` (or W/"7") → 7. */
export function versionOf(etag: string | null): number | undefined {
  const match = etag ? /^(?:W\/)?"(\d+)"$/.exec(etag.trim()) : null;
  return match ? Number(match[1]) : undefined;
}

async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}

/** A fresh key for one attempt at a write; a retry of the same attempt reuses it. */
export function newIdempotencyKey(): string {
  return `console-${crypto.randomUUID()}`;
}

export { ApiProblem, NetworkProblem };
