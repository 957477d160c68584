/**
 * Internal: the custom scalars. JSONObject, Currency and URL come from graphql-scalars; PartialDate is ours,
 * because no library scalar accepts a year or a year and month alone.
 */
import { GraphQLScalarType, Kind } from 'graphql';
import { CurrencyResolver, JSONObjectResolver, URLResolver } from 'graphql-scalars';
import { isPartialDate } from '../model/partial-date.ts';

/** GraphQL names the argument or variable around this message, and Apollo answers BAD_USER_INPUT. */
function parsePartialDate(value: unknown): string {
  if (typeof value !== 'string' || !isPartialDate(value)) {
    throw new TypeError(
      `a PartialDate is YYYY, YYYY-MM or YYYY-MM-DD (e.g. "2022", "2022-06"), got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

const PartialDateScalar = new GraphQLScalarType<string, string>({
  name: 'PartialDate',
  description: 'A year, a year and month, or a full date: YYYY, YYYY-MM or YYYY-MM-DD.',
  serialize: (value) => String(value),
  parseValue: parsePartialDate,
  parseLiteral: (ast) =>
    parsePartialDate(ast.kind === Kind.STRING ? ast.value : ast.kind === Kind.INT ? ast.value : undefined),
});

export const scalarResolvers = {
  JSONObject: JSONObjectResolver,
  Currency: CurrencyResolver,
  URL: URLResolver,
  PartialDate: PartialDateScalar,
};
