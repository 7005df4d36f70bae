/**
 * A map whose values, restored from a checkpoint, stay JSON text until first read. For the largest read models
 * (every referral's history, every participant's support): a restart then copies strings instead of decoding a
 * million small objects up front, and each value costs its parse only when a query or an event needs it.
 * Values must be plain JSON data (no Map, Set, Date or shared references) and never undefined.
 */
export class ParsedOnUse<V> {
  private values = new Map<string, V | string>();

  get(key: string): V | undefined {
    const value = this.values.get(key);
    if (typeof value !== 'string') return value;
    const parsed = JSON.parse(value) as V;
    this.values.set(key, parsed);
    return parsed;
  }

  set(key: string, value: V): void {
    this.values.set(key, value);
  }

  keys(): IterableIterator<string> {
    return this.values.keys();
  }

  clear(): void {
    this.values.clear();
  }

  /** Every value as JSON text: those never parsed since the restore are not written again. */
  saved(): Map<string, string> {
    const texts = new Map<string, string>();
    for (const [key, value] of this.values) texts.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    return texts;
  }

  /** Takes back what `saved()` gave, leaving every value as text until it is read. */
  static restored<V>(texts: Map<string, string>): ParsedOnUse<V> {
    const map = new ParsedOnUse<V>();
    map.values = new Map(texts);
    return map;
  }
}
