import { STATUS_CODES } from 'node:http';
import type { Response } from 'supertest';
import type { OnedoorTestApp } from './onedoor-test-app';

/** Assertions shared by the suites that check what the app refuses, and that a refusal writes nothing. */

type Field = { field: string; rules: string[] };

/** Sends the request and checks the global log head did not move: nothing was written. */
export async function sendWritingNothing(t: OnedoorTestApp, send: () => PromiseLike<Response>): Promise<Response> {
  const head = await t.head();
  const res = await send();
  expect(await t.head()).toBe(head);
  return res;
}

/** A refusal with this status and rule naming exactly these fields (each with at least one readable rule), and nothing written. */
export async function expectFieldsRefused(t: OnedoorTestApp, send: () => PromiseLike<Response>, status: number, rule: string, fields: string[]): Promise<Response> {
  const res = await sendWritingNothing(t, send);
  expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { statusCode: status, error: STATUS_CODES[status], rule } });
  expect(typeof res.body.message).toBe('string');
  const named = (res.body.fields as Field[]).map((f) => f.field);
  expect([...new Set(named)].sort()).toEqual([...fields].sort());
  for (const f of res.body.fields as Field[]) {
    expect(f.rules.length).toBeGreaterThan(0);
    for (const r of f.rules) expect(r).toMatch(/\w{3,}/);
  }
  return res;
}

/** A 400 naming exactly these fields, and nothing written. */
export const expectBadInput = (t: OnedoorTestApp, send: () => PromiseLike<Response>, fields: string[], rule = 'input.invalid'): Promise<Response> =>
  expectFieldsRefused(t, send, 400, rule, fields);

/** A refusal with this status naming this rule (and, when given, these details), and nothing written. */
export async function expectRefused(t: OnedoorTestApp, send: () => PromiseLike<Response>, status: number, rule: string, details?: Record<string, unknown>): Promise<Response> {
  const res = await sendWritingNothing(t, send);
  expect({ status: res.status, rule: res.body.rule }).toEqual({ status, rule });
  expect(res.body.statusCode).toBe(status);
  expect(typeof res.body.message).toBe('string');
  if (details) expect(res.body.details).toMatchObject(details);
  return res;
}

/** A 401/403 body says which rule refused and nothing else about the resource. */
export function expectOpaque(res: Response, status: 401 | 403, rule: string): void {
  expect({ status: res.status, rule: res.body.rule }).toEqual({ status, rule });
  expect(Object.keys(res.body).sort()).toEqual(['error', 'message', 'rule', 'statusCode']);
}

/** A copy of `base` with the value at a dotted path replaced (or removed when `value` is REMOVE). */
export const REMOVE = Symbol('remove');
export function withField<T extends object>(base: T, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(base) as Record<string, unknown>;
  const keys = path.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy;
}
export const without = <T extends object>(base: T, path: string) => withField(base, path, REMOVE);

export const today = () => new Date().toISOString().slice(0, 10);
export const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
