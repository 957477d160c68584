/**
 * Internal: the custom scalars' behaviour. JSONObject, Currency and URL come from graphql-scalars; PartialDate is
 * ours, because no library scalar accepts a year or a year and month alone. Their descriptions and `@specifiedBy`
 * URLs are schema.graphql's: the served schema prints as the file does (tests/integration/api/schema-file.test.ts).
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
  serialize: (value) => String(value),
  parseValue: parsePartialDate,
  parseLiteral: (ast) =>
    parsePartialDate(ast.kind === Kind.STRING ? ast.value : ast.kind === Kind.INT ? ast.value : undefined),
});

/**
 * A scalar's behaviour alone. graphql-tools copies every own property of a resolver's scalar onto the schema's
 * type, so a library's description and specifiedByURL would replace the ones schema.graphql gives.
 */
function behaviourOf<T>(scalar: GraphQLScalarType<T>): GraphQLScalarType<T> {
  const behaviour = new GraphQLScalarType<T>(scalar.toConfig());
  const own = behaviour as { description?: unknown; specifiedByURL?: unknown };
  delete own.description;
  delete own.specifiedByURL;
  return behaviour;
}

export const scalarResolvers = {
  JSONObject: behaviourOf(JSONObjectResolver),
  Currency: behaviourOf(CurrencyResolver),
  URL: behaviourOf(URLResolver),
  PartialDate: behaviourOf(PartialDateScalar),
};
