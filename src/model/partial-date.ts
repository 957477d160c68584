/**
 * Public contract: partial dates (YYYY, YYYY-MM, YYYY-MM-DD) and a relationship's validity.
 *
 * A relationship holds from the start of the first of its DATE_KEYS (src/model/property-keys.ts: `since`, `date`,
 * `asOf`) and until the start of its `until`; undated relationships always hold. An `asOf` argument stands for the
 * end of its period, so `asOf: "2022"` includes a membership since 2022-06. Bounds are full ISO dates, so Cypher
 * compares them as strings (src/graph/partial-date.ts).
 */
import { dateOf, UNTIL_KEY } from './property-keys.ts';

export const PARTIAL_DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export function isPartialDate(value: string): boolean {
  return PARTIAL_DATE_PATTERN.test(value);
}

/** The first day of a partial date's period: 2022 -> 2022-01-01, 2022-06 -> 2022-06-01. */
export function startOfPeriod(date: string): string {
  const [year, month = '01', day = '01'] = date.split('-');
  return `${year}-${month}-${day}`;
}

/** The last day of a partial date's period: 2022 -> 2022-12-31, 2022-02 -> 2022-02-28 (or 29). */
export function endOfPeriod(date: string): string {
  const [year, month, day] = date.split('-');
  if (day !== undefined) return date;
  if (month === undefined) return `${year}-12-31`;
  const lastDay = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return `${year}-${month}-${String(lastDay).padStart(2, '0')}`;
}

/** Validity bounds stored on a relationship from its date properties (see the module comment). */
export function validityOf(properties: Record<string, unknown>): {
  validFrom: string | null;
  validUntil: string | null;
} {
  const from = dateOf(properties);
  const until = properties[UNTIL_KEY];
  return {
    validFrom: from === null ? null : startOfPeriod(from),
    validUntil: until === undefined || until === null ? null : startOfPeriod(String(until)),
  };
}
