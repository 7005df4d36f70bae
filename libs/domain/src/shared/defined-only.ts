/** Drops keys whose value is undefined (deeply, for plain objects), so a partial change never wipes a stored value. */
export function definedOnly<T extends object>(value: T): T {
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k, v !== null && typeof v === 'object' && !Array.isArray(v) ? definedOnly(v) : v]);
  return Object.fromEntries(entries) as T;
}
