/**
 * Internal: the argument checks of every entry that takes arguments (resolvers, export parameters). Each failure is a BAD_USER_INPUT error that names the argument
 * and the allowed range. Defaults live in schema.graphql, not here.
 */
import { BadUserInputError } from './errors.ts';
import { endOfPeriod } from './model/partial-date.ts';

export function checkRange(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(argument, `'${argument}' must be between ${min} and ${max}, got ${value}`);
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
