/**
 * Public contract: the property keys with a meaning of their own, in one place. Data files use the typed keys;
 * the writers store the reserved ones themselves (src/model/stored-properties.ts) and data files may not use them.
 */

/**
 * Keys that date a fact, in precedence order: a relationship holds from the first of these it has (and until
 * `until`), and a typed `date` field shows the first of these an entity or relationship has.
 */
const DATE_KEYS = ['since', 'date', 'asOf'] as const;

/** The key that ends a relationship's validity. */
export const UNTIL_KEY = 'until';

/** Every key whose value is a partial date. */
export const PARTIAL_DATE_KEYS = [...DATE_KEYS, UNTIL_KEY] as const;

/** Keys holding an amount of money; `currency` must accompany them. */
export const MONEY_KEYS = ['amount', 'maxAmount'] as const;

/** A relationship property naming the Program (by id) under which a link was made. */
export const PROGRAM_KEY = 'program';

/** How a typed field reads a stored property (see src/model/typed-fields.ts). */
export type PropertyType = 'Int' | 'Float' | 'String' | 'PartialDate' | 'Money';

/** A fact's date as the source gives it: the first of DATE_KEYS present, or null. */
export function dateOf(properties: Record<string, unknown>): string | null {
  for (const key of DATE_KEYS) {
    const value = properties[key];
    if (value !== undefined && value !== null) return String(value);
  }
  return null;
}
