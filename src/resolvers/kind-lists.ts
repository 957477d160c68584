/**
 * Internal: the resolvers of every kind's list (Query.companies, Query.budgets, ...; src/model/kind-list-names.ts),
 * derived from the knowledge model like the types they answer. The page is one statement with the typed fields
 * its entities select (src/resolvers/plan-selection.ts); `aggregate` and `groupBy` each read every match in one
 * statement of their own, run only when selected (src/graph/kind-list.ts).
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../context.ts';
import { aggregateKind, aggregateMoney, groupKind, listKind, type KindQuery } from '../graph/kind-list.ts';
import { aggregateLinkedMoney, type KindAggregate, type LinkedSet, type MoneyAggregate } from '../graph/aggregates.ts';
import type { SortInput } from '../graph/sort-keys.ts';
import type { WhereInput } from '../graph/where-filter.ts';
import type { EntityRow } from '../graph/rows.ts';
import { checkRange } from '../argument-checks.ts';
import { listFieldName } from '../model/kind-list-names.ts';
import type { PropertyFieldSpec } from '../model/typed-fields.ts';
import type { Vocabulary } from '../model/vocabulary.ts';
import { offsetPage, type Page, type PageArgs } from './pagination.ts';
import { entityNodes, planFields } from './plan-selection.ts';
import { selectsField } from './projection.ts';

/** A kind's connection as its field resolvers see it: the page, and the query every match answers. */
export interface KindConnection extends Page<EntityRow> {
  query: KindQuery;
}

/**
 * An aggregate object (of a kind's list, or of a typed list field): its one statement's answer, read once for all
 * its fields, and a Money field's figures per currency.
 */
export interface KindAggregateObject {
  read: () => Promise<KindAggregate>;
  money: (field: PropertyFieldSpec) => Promise<MoneyAggregate[]>;
}

interface ListArgs extends PageArgs {
  where?: WhereInput | null;
  sort?: readonly SortInput[] | null;
}

type Resolver = (parent: never, args: never, context: RequestContext, info: GraphQLResolveInfo) => unknown;

/** The most groups one groupBy returns. */
const MAX_GROUPS = 100;

function listResolver(kind: string) {
  return async (_parent: unknown, args: ListArgs, { runner, vocabulary }: RequestContext, info: GraphQLResolveInfo) => {
    const query: KindQuery = { kind, where: args.where ?? null, sort: args.sort ?? [] };
    const nodes = entityNodes(info, [
      [`${kind}Connection`, 'edges'],
      [`${kind}Edge`, 'node'],
    ]);
    const fields = planFields(info, nodes, [kind], vocabulary);
    const page = await offsetPage(args, info, (offset, limit, count) =>
      listKind(runner, vocabulary, query, { offset, limit, count }, fields),
    );
    return { ...page, query } satisfies KindConnection;
  };
}

function connectionResolvers(): Record<string, Resolver> {
  return {
    aggregate: ((connection: KindConnection, _args: unknown, { runner, vocabulary }: RequestContext) => {
      let answer: Promise<KindAggregate> | undefined;
      return {
        read: () => (answer ??= aggregateKind(runner, vocabulary, connection.query)),
        money: (field) => aggregateMoney(runner, vocabulary, connection.query, field),
      } satisfies KindAggregateObject;
    }) as Resolver,
    groupBy: ((
      connection: KindConnection,
      args: { by: string; first: number },
      context: RequestContext,
      info: GraphQLResolveInfo,
    ) =>
      groupKind(
        context.runner,
        context.vocabulary,
        connection.query,
        args.by,
        checkRange('first', args.first, 1, MAX_GROUPS),
        selectsField(info, 'Group', 'ids'),
      )) as Resolver,
  };
}

const countResolver = (async (object: KindAggregateObject) => (await object.read()).count) as Resolver;

function aggregateResolvers(kind: string, vocabulary: Vocabulary): Record<string, Resolver> {
  const resolvers: Record<string, Resolver> = { count: countResolver };
  for (const [name, field] of Object.entries(vocabulary.kinds[kind]?.fields ?? {})) {
    if (field.of !== 'property') continue;
    if (field.type === 'Money') {
      resolvers[name] = ((object: KindAggregateObject) => object.money(field)) as Resolver;
    } else if (field.type !== 'String') {
      resolvers[name] = (async (object: KindAggregateObject) => (await object.read()).fields[name]) as Resolver;
    }
  }
  return resolvers;
}

/** Query.<plural> for every kind, and the resolvers of each kind's connection and aggregate types. */
export function createKindListResolvers(vocabulary: Vocabulary): Record<string, Record<string, unknown>> {
  const query: Record<string, unknown> = {};
  const types: Record<string, Record<string, unknown>> = {};
  for (const kind of Object.keys(vocabulary.kinds)) {
    query[listFieldName(kind)] = listResolver(kind);
    types[`${kind}Connection`] = connectionResolvers();
    types[`${kind}Aggregate`] = aggregateResolvers(kind, vocabulary);
  }
  types['EntityAggregate'] = { count: countResolver };
  return { Query: query, ...types };
}

/**
 * The aggregate of a typed list field (`Company.materialsAggregate(where, asOf)`): the entities it links the parent
 * to, each once; every parent of the field at one level is read in one statement (the linked-aggregate loader).
 */
export function linkedAggregate(
  parentId: string,
  set: LinkedSet,
  { runner, vocabulary, linkedAggregates }: RequestContext,
): KindAggregateObject {
  return {
    read: () => linkedAggregates(set).load(parentId),
    money: (field) => aggregateLinkedMoney(runner, vocabulary, parentId, set, field),
  };
}
