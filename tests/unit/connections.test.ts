/**
 * Relay connections: every connection of the schema takes `first`/`after` and `last`/`before`, all nullable (a null
 * `count` variable is the default page), says its default page size in its description, and is priced by the cost
 * model at the size it is served at, `last` like `first`. The paging windows are worked by hand over a list of 10.
 */
import { createRequire } from 'node:module';
import type * as GraphQL from 'graphql';
import {
  buildSchema as buildEsmSchema,
  parse as parseEsm,
  type FieldNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/api-schema.ts';
import { listFieldName } from '../../src/model/kind-list-names.ts';
import { VOCABULARY } from '../../src/model/vocabulary.ts';
import { estimateCost } from '../../src/limits/cost-model.ts';
import { defaultPageSize } from '../../src/limits/page-sizes.ts';
import { keysetPage, keysetWindow, offsetPage, type PageArgs } from '../../src/resolvers/pagination.ts';

// graphql's CommonJS build, the one graphql-query-complexity loads (Vitest would give this file the ESM one).
const { buildSchema, getNamedType, isInterfaceType, isNonNullType, isObjectType, parse } = createRequire(
  import.meta.url,
)('graphql') as typeof GraphQL;
const schema = buildSchema(loadTypeDefs());

/** Every field whose type is a connection, as `Type.field`. */
function connectionFields(): string[] {
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      if (getNamedType(field.type).name.endsWith('Connection')) found.push(`${type.name}.${field.name}`);
    }
  }
  return found.sort();
}

describe('schema: every connection pages both ways', () => {
  it('finds the connections the API documents (entities, relationships, facts, cross-reference, risk, changes, members, audit)', () => {
    const roots = connectionFields().filter(
      (c) => !/^[A-Z][a-zA-Z]*\.relationships$/.test(c) || c === 'Entity.relationships',
    );
    expect(roots).toEqual(
      [
        'Community.members',
        'Document.facts',
        'Entity.relationships',
        'Query.auditLog',
        'Query.changes',
        'Query.crossReference',
        'Query.entities',
        'Query.supplyRisk',
        // Each kind's own list (Query.companies, ...).
        ...Object.keys(VOCABULARY.kinds).map((kind) => `Query.${listFieldName(kind)}`),
      ].sort(),
    );
    // Each kind's type carries Entity.relationships.
    expect(connectionFields()).toContain('Company.relationships');
  });

  it.each(connectionFields())('%s: first, after, last, before are nullable; first has no default', (coordinate) => {
    const [typeName = '', fieldName = ''] = coordinate.split('.');
    const type = schema.getType(typeName);
    if (!(isObjectType(type) || isInterfaceType(type))) throw new Error(`${typeName} is not an object type`);
    const args = new Map(type.getFields()[fieldName]?.args.map((a) => [a.name, a]));
    for (const name of ['first', 'after', 'last', 'before']) {
      const arg = args.get(name);
      expect(arg, `${coordinate}(${name})`).toBeDefined();
      expect(isNonNullType(arg?.type), `${coordinate}(${name}) nullable`).toBe(false);
      expect(arg?.defaultValue, `${coordinate}(${name}) default`).toBeUndefined();
    }
    expect(args.get('first')?.description).toContain(`0 to 100; ${defaultPageSize(coordinate)} when neither`);
    expect(args.get('last')?.description).toContain('0 to 100');
  });
});

describe('cost model: a connection costs its page', () => {
  const cost = (query: string, variables?: Record<string, unknown>) => estimateCost(schema, parse(query), variables);

  it('prices last like first, a null first as the default page, first: 0 as the start cost alone', () => {
    // entities starts at 10; per edge, 1 + the selection `edges { node { id } }` (edges 1, node 1, id 1 = 3).
    const forward = cost('{ entities(first: 30) { edges { node { id } } } }');
    expect(cost('{ entities(last: 30) { edges { node { id } } } }')).toBe(forward);
    const query = 'query($n: Int) { entities(first: $n) { edges { node { id } } } }';
    expect(cost(query, { n: null })).toBe(cost('{ entities(first: 20) { edges { node { id } } } }'));
    expect(cost(query, {})).toBe(cost('{ entities(first: 20) { edges { node { id } } } }'));
    expect(cost('{ entities(first: 0) { totalCount } }')).toBe(10);
    // crossReference's default page is 100 rows.
    expect(cost('{ crossReference { edges { cursor } } }')).toBe(
      cost('{ crossReference(first: 100) { edges { cursor } } }'),
    );
    expect(forward).toBe(10 + 30 * (1 + 3));
  });
});

/** The resolve info of Query.entities with this selection (graphql's ESM build, the one the resolvers import). */
function entitiesInfo(selection: string): GraphQLResolveInfo {
  const esmSchema = buildEsmSchema(loadTypeDefs());
  const operation = parseEsm(`{ entities ${selection} }`).definitions[0] as OperationDefinitionNode;
  const queryType = esmSchema.getQueryType();
  return {
    schema: esmSchema,
    fragments: {},
    variableValues: {},
    fieldNodes: [operation.selectionSet.selections[0] as FieldNode],
    parentType: queryType,
    fieldName: 'entities',
    returnType: queryType?.getFields()['entities']?.type,
  } as unknown as GraphQLResolveInfo;
}

describe('paging windows over a list of ten (positions 0..9)', () => {
  const items = Array.from({ length: 10 }, (_, i) => `item${i}`);
  const info = entitiesInfo('{ totalCount edges { cursor } }');
  const reads: Array<[number, number]> = [];
  const read = (offset: number, limit: number) => {
    reads.push([offset, limit]);
    return Promise.resolve({ items: items.slice(offset, offset + limit), total: items.length });
  };
  const page = async (args: PageArgs) => {
    reads.length = 0;
    const p = await offsetPage(args, info, read);
    return { nodes: p.edges.map((e) => e.node), ...p.pageInfo, totalCount: p.totalCount, reads: [...reads] };
  };
  const cursorAt = async (position: number) =>
    (
      await offsetPage(
        {
          first: 1,
          after: position === 0 ? null : (await offsetPage({ first: position }, info, read)).pageInfo.endCursor,
        },
        info,
        read,
      )
    ).edges[0]?.cursor ?? '';

  it('first 3, then the next 3 after the end cursor', async () => {
    const one = await page({ first: 3 });
    expect(one).toMatchObject({ nodes: ['item0', 'item1', 'item2'], hasNextPage: true, hasPreviousPage: false });
    const two = await page({ first: 3, after: one.endCursor });
    expect(two).toMatchObject({ nodes: ['item3', 'item4', 'item5'], hasNextPage: true, hasPreviousPage: true });
    expect(two.reads).toEqual([[3, 3]]);
  });

  it('null first is the default page (20: the whole list of ten)', async () => {
    expect((await page({ first: null })).nodes).toHaveLength(10);
  });

  it('first: 0 is an empty page with the total and whether items follow', async () => {
    expect(await page({ first: 0 })).toMatchObject({
      nodes: [],
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
      totalCount: 10,
    });
  });

  it('last 3 is the end of the list: the total first, then positions 7..9', async () => {
    const p = await page({ last: 3 });
    expect(p).toMatchObject({ nodes: ['item7', 'item8', 'item9'], hasNextPage: false, hasPreviousPage: true });
    expect(p.reads).toEqual([
      [0, 0],
      [7, 3],
    ]);
  });

  it('last 3 before position 5 is 2..4; last 9 before position 5 stops at the start', async () => {
    const before = await cursorAt(5);
    expect(await page({ last: 3, before })).toMatchObject({
      nodes: ['item2', 'item3', 'item4'],
      hasNextPage: true,
      hasPreviousPage: true,
    });
    expect((await page({ last: 9, before })).nodes).toEqual(['item0', 'item1', 'item2', 'item3', 'item4']);
  });

  it('without totalCount selected, reads one item more than the page instead of counting', async () => {
    const counts: boolean[] = [];
    const uncounted = (offset: number, limit: number, count: boolean) => {
      reads.push([offset, limit]);
      counts.push(count);
      return Promise.resolve({ items: items.slice(offset, offset + limit), total: null });
    };
    const noTotal = entitiesInfo('{ pageInfo { hasNextPage } edges { cursor } }');
    reads.length = 0;
    const first = await offsetPage({ first: 3 }, noTotal, uncounted);
    expect(first.edges.map((e) => e.node)).toEqual(['item0', 'item1', 'item2']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(reads).toEqual([[0, 4]]);
    expect(counts).toEqual([false]);
    const end = await offsetPage({ first: 3, after: await cursorAt(6) }, noTotal, uncounted);
    expect(end.edges.map((e) => e.node)).toEqual(['item7', 'item8', 'item9']);
    expect(end.pageInfo.hasNextPage).toBe(false);
    // A page from the end needs the total: it is counted whatever the selection.
    counts.length = 0;
    const last = await offsetPage({ last: 2 }, noTotal, (offset, limit, count) => {
      counts.push(count);
      return Promise.resolve({ items: items.slice(offset, offset + limit), total: items.length });
    });
    expect(last.edges.map((e) => e.node)).toEqual(['item8', 'item9']);
    expect(counts).toEqual([true, true]);
  });

  it('last without before reads the end and the total in one read where the caller has one', async () => {
    const lastReads: number[] = [];
    const readLast = (limit: number) => {
      lastReads.push(limit);
      return Promise.resolve({ items: items.slice(Math.max(0, items.length - limit)), total: items.length });
    };
    reads.length = 0;
    const end = await offsetPage({ last: 3 }, info, read, readLast);
    expect(end.edges.map((e) => e.node)).toEqual(['item7', 'item8', 'item9']);
    expect(end.edges[0]?.cursor).toBe((await page({ first: 1, after: await cursorAt(6) })).startCursor);
    expect(end.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(lastReads).toEqual([3]);
    // After position 8, only item9 is inside the window.
    const after = await cursorAt(8);
    reads.length = 0;
    expect((await offsetPage({ last: 3, after }, info, read, readLast)).edges.map((e) => e.node)).toEqual(['item9']);
    expect(reads).toEqual([]);
  });

  it('first between two cursors stays inside them', async () => {
    const after = await cursorAt(2);
    const before = await cursorAt(5);
    expect((await page({ first: 10, after, before })).nodes).toEqual(['item3', 'item4']);
    expect((await page({ last: 1, after, before })).nodes).toEqual(['item4']);
  });

  it.each([
    [{ first: 1, last: 1 }, 'last', /'first' and 'last' cannot be used together/],
    [{ first: -1 }, 'first', /'first' must be between 0 and 100, got -1/],
    [{ last: 101 }, 'last', /'last' must be between 0 and 100, got 101/],
    [{ after: 'bm9wZQ' }, 'after', /'after' is not a cursor/],
    [{ last: 2, before: 'x' }, 'before', /'before' is not a cursor/],
  ] as Array<[PageArgs, string, RegExp]>)('refuses %j naming %s', async (args, argument, message) => {
    const error = await offsetPage(args, info, read).catch((e: unknown) => e);
    expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument } });
    expect((error as Error).message).toMatch(message);
  });
});

describe('keyset pages', () => {
  const info = { parentType: { name: 'Document' }, fieldName: 'facts' } as unknown as GraphQLResolveInfo;
  const keys = ['a', 'b', 'c', 'd', 'e'];
  /** What a keyset statement returns for a window: keys strictly between the cursors, from one end. */
  const read = (args: PageArgs) => {
    const window = keysetWindow(args, info);
    const inside = keys.filter(
      (k) => (window.afterKey === null || k > window.afterKey) && (window.beforeKey === null || k < window.beforeKey),
    );
    const items = (window.backward ? [...inside].reverse() : inside).slice(0, window.limit);
    const page = keysetPage(items, (k) => k, window, keys.length);
    return { nodes: page.edges.map((e) => e.node), ...page.pageInfo };
  };

  it('pages forward and back through the same cursors', () => {
    const one = read({ first: 2 });
    expect(one).toMatchObject({ nodes: ['a', 'b'], hasNextPage: true, hasPreviousPage: false });
    const two = read({ first: 2, after: one.endCursor });
    expect(two).toMatchObject({ nodes: ['c', 'd'], hasNextPage: true, hasPreviousPage: true });
    const back = read({ last: 2, before: two.startCursor });
    expect(back).toMatchObject({ nodes: ['a', 'b'], hasNextPage: true, hasPreviousPage: false });
    expect(read({ last: 2 })).toMatchObject({ nodes: ['d', 'e'], hasNextPage: false, hasPreviousPage: true });
    expect(read({ first: 0 })).toMatchObject({ nodes: [], hasNextPage: true, startCursor: null });
  });

  it('refuses an offset cursor', () => {
    expect(() => keysetWindow({ after: Buffer.from('offset:3').toString('base64url') }, info)).toThrow(
      /'after' is not a cursor/,
    );
  });
});
