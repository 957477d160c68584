/**
 * Internal: the argument checks of every entry that takes arguments (resolvers, export parameters). Each failure is a BAD_USER_INPUT error that names the argument
 * and the allowed range. Defaults live in schema.graphql, not here.
 */
import { BadUserInputError } from './errors.ts';
import type { CrossReferenceFilter } from './graph/cross-reference.ts';
import { endOfPeriod } from './model/partial-date.ts';

export function checkRange(argument: string, value: number | null | undefined, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(argument, `'${argument}' must be between ${min} and ${max}, got ${String(value)}`);
  }
  return value;
}

/** The end-of-period bound an `asOf` argument stands for (already a valid PartialDate), or null. */
export function asOfBound(asOf: string | null | undefined): string | null {
  return asOf === null || asOf === undefined ? null : endOfPeriod(asOf);
}

/** A list argument given as an empty list would match nothing; treat it as a mistake rather than guess. */
export function optionalList<T>(argument: string, values: readonly T[] | null | undefined): readonly T[] | null {
  if (values === null || values === undefined) return null;
  if (values.length === 0)
    throw new BadUserInputError(argument, `'${argument}' must not be an empty list; omit it to allow all`);
  return values;
}

/** An optional argument as null when absent. */
export function orNull<T>(value: T | null | undefined): T | null {
  return value ?? null;
}

/** The most categories a cross-reference's `minCategories` may ask a company to link to. */
const MAX_MIN_CATEGORIES = 20;

/**
 * A cross-reference filter's checks, for Query.crossReference, the matrix and exports alike: no empty lists,
 * `minCategories` in range. `name` turns a field into the name the caller used (`filter.categories` in GraphQL,
 * `categories` over HTTP).
 */
export function checkCrossReferenceFilter(
  filter: CrossReferenceFilter | null | undefined,
  name: (field: keyof CrossReferenceFilter) => string,
): CrossReferenceFilter {
  const minCategories = filter?.minCategories;
  return {
    categories: optionalList(name('categories'), filter?.categories),
    companies: optionalList(name('companies'), filter?.companies),
    countries: optionalList(name('countries'), filter?.countries),
    programs: optionalList(name('programs'), filter?.programs),
    linkTypes: optionalList(name('linkTypes'), filter?.linkTypes),
    minCategories:
      minCategories === null || minCategories === undefined
        ? null
        : checkRange(name('minCategories'), minCategories, 1, MAX_MIN_CATEGORIES),
  };
}
