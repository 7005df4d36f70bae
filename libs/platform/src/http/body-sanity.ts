import type { Problem } from './problem';

/**
 * What every JSON body must be before any DTO looks at it, whatever the route. One walk over the parsed body,
 * iterative so that nesting can never exhaust the stack, stopping at the first thing found wrong:
 *   - nesting at most MAX_DEPTH levels of objects and arrays (class-validator recurses, and overflows on 3,000);
 *   - strings well-formed UTF-16 (a lone surrogate cannot be encoded, sealed or sent on to a partner);
 *   - no control characters but tab, line feed and carriage return (they hide text in logs and screens);
 *   - no bidirectional embeddings, overrides or isolates (they make text read differently from what it says:
 *     Trojan Source); the marks LRM, RLM and the Arabic letter mark are allowed, as Urdu and Arabic text uses them
 *     and a mark only nudges neutral characters, it cannot reorder a run of text;
 *   - every string at most MAX_STRING_LENGTH UTF-16 units, every array at most MAX_ARRAY_LENGTH items, every
 *     object at most MAX_KEYS keys (each field's own, tighter limit is its DTO's);
 *   - no key named __proto__, constructor or prototype (refused like any unknown field, never silently dropped).
 */
export const BODY_LIMITS = { MAX_DEPTH: 32, MAX_STRING_LENGTH: 10_000, MAX_ARRAY_LENGTH: 1_000, MAX_KEYS: 200 } as const;

/**
 * Each check by name, all on. Only a test turns one off (test/support/switched-off-checks.ts reads
 * ONEDOOR_TEST_SWITCH_OFF), to show that the suites guarding it fail without it; nothing in the app changes these.
 */
export const BODY_CHECKS = { 'content-type': true, depth: true, surrogates: true, controls: true, bidi: true, sizes: true, 'prototype-keys': true };
export type BodyCheck = keyof typeof BODY_CHECKS;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// C0 controls but \t \n \r, DEL, and the C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// The embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and the isolates (LRI, RLI, FSI, PDI).
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string may not be stored, or undefined when it may. Exported for the bounded-field decorators. */
export function stringFault(value: string, maxLength: number = BODY_LIMITS.MAX_STRING_LENGTH): string | undefined {
  if (BODY_CHECKS.sizes && value.length > maxLength) return `must be at most ${maxLength} characters`;
  if (BODY_CHECKS.surrogates && LONE_SURROGATE.test(value)) return 'must be well-formed text (it holds a lone UTF-16 surrogate)';
  if (BODY_CHECKS.controls && CONTROL.test(value)) return 'must not contain control characters (only tab and line breaks are allowed)';
  if (BODY_CHECKS.bidi && BIDI_CONTROL.test(value)) return 'must not contain bidirectional embedding, override or isolate characters (U+202A–U+202E, U+2066–U+2069)';
  return undefined;
}

const fieldName = (parent: string, key: string | number) => (typeof key === 'number' ? `${parent || '(body)'}[${key}]` : parent ? `${parent}.${key}` : key);

const badInput = (field: string, rule: string, ruleName = 'input.invalid'): Problem => ({
  statusCode: 400, error: 'Bad Request', rule: ruleName, message: `${field} ${rule}`, fields: [{ field, rules: [`${field} ${rule}`] }],
});

/** The first fault in a parsed JSON body as a 400 Problem naming the field, or undefined when there is none. */
export function findBodyFault(body: unknown): Problem | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const fault = stringFault(value);
      if (fault) return badInput(path || '(body)', fault);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (BODY_CHECKS.depth && depth >= BODY_LIMITS.MAX_DEPTH) return badInput(path || '(body)', `must not nest objects and lists more than ${BODY_LIMITS.MAX_DEPTH} deep`, 'input.too-deeply-nested');
    if (Array.isArray(value)) {
      if (BODY_CHECKS.sizes && value.length > BODY_LIMITS.MAX_ARRAY_LENGTH) return badInput(path || '(body)', `must have at most ${BODY_LIMITS.MAX_ARRAY_LENGTH} items`);
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: fieldName(path, i), depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    if (BODY_CHECKS.sizes && keys.length > BODY_LIMITS.MAX_KEYS) return badInput(path || '(body)', `must have at most ${BODY_LIMITS.MAX_KEYS} fields`);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const field = fieldName(path, key);
      if (BODY_CHECKS['prototype-keys'] && FORBIDDEN_KEYS.has(key)) return badInput(field, `property ${key} should not exist`);
      const keyFault = stringFault(key, 200);
      if (keyFault) return badInput(field.slice(0, 200), `is not a field name that can exist: its name ${keyFault}`);
      stack.push({ value: (value as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
  return undefined;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** True when a Content-Type header names JSON (application/json or application/…+json, any charset). */
export const isJsonContentType = (contentType: string | undefined) => contentType !== undefined && JSON_TYPE.test(contentType.trim());
