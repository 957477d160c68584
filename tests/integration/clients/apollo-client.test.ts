/**
 * Apollo Client 4 against the running server, set up as docs/clients.md says: `possibleTypes` from
 * `/possible-types.json` and `relayStylePagination()` on `entities`. Two pages fetched with `fetchMore` merge into
 * the ten entities the server lists first; a fragment on the `Entity` interface reads a `Company` from the
 * normalised cache (without possibleTypes it would not match); no warning is logged.
 */
import { ApolloClient, gql, HttpLink, InMemoryCache, type NormalizedCacheObject } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { filter, firstValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';

const ENTITY_FIELDS = gql`
  fragment EntityFields on Entity {
    id
    name
    kind
  }
`;

const COMPANIES = gql`
  query Companies($first: Int, $after: String) {
    entities(kind: Company, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...EntityFields
          ... on Company {
            country {
              id
              name
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${ENTITY_FIELDS}
`;

interface CompaniesData {
  entities: {
    totalCount: number;
    edges: Array<{ cursor: string; node: { __typename: string; id: string; name: string; kind: string } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

let api: ApiServer;
let origin: string;
const warnings: unknown[][] = [];
beforeAll(async () => {
  api = await startApiServer();
  origin = new URL(api.url).origin;
  for (const level of ['warn', 'error'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      warnings.push(args);
    });
  }
});
afterAll(async () => {
  vi.restoreAllMocks();
  await api?.close();
});

async function newClient(withPossibleTypes: boolean): Promise<ApolloClient> {
  const possibleTypes = withPossibleTypes
    ? ((await (await fetch(`${origin}/possible-types.json`)).json()) as Record<string, string[]>)
    : undefined;
  return new ApolloClient({
    link: new HttpLink({ uri: `${origin}/graphql` }),
    cache: new InMemoryCache({
      ...(possibleTypes ? { possibleTypes } : {}),
      typePolicies: { Query: { fields: { entities: relayStylePagination(['kind', 'filter', 'orderBy']) } } },
    }),
  });
}

describe('Apollo Client 4: relayStylePagination and possibleTypes', () => {
  it('merges two pages fetched with fetchMore into the first ten companies the server lists', async () => {
    const client = await newClient(true);
    const observable = client.watchQuery<CompaniesData>({ query: COMPANIES, variables: { first: 5 } });
    const subscription = observable.subscribe(() => undefined);
    try {
      const first = await firstValueFrom(observable.pipe(filter((r) => r.dataState === 'complete')));
      expect(first.data?.entities.edges).toHaveLength(5);
      const more = await observable.fetchMore({ variables: { after: first.data?.entities.pageInfo.endCursor } });
      expect(more.data?.entities.edges).toHaveLength(5);
      // The watched query answers from the cache, where relayStylePagination merged the two pages.
      const merged = (
        await firstValueFrom(
          observable.pipe(filter((r) => (r.data as CompaniesData | undefined)?.entities.edges.length === 10)),
        )
      ).data as CompaniesData;

      const { data } = await api.graphql('{ entities(kind: Company, first: 10) { edges { node { id } } } }');
      const firstTen = data?.entities.edges.map((e: any) => e.node.id);
      expect(merged.entities.edges.map((e) => e.node.id)).toEqual(firstTen);
      expect(merged.entities.edges.every((e) => e.node.__typename === 'Company')).toBe(true);
      expect(merged.entities.pageInfo.hasNextPage).toBe(true);
    } finally {
      subscription.unsubscribe();
      client.stop();
    }
  });

  it('reads a fragment on Entity for a Company from the cache, normalised by __typename and id', async () => {
    const client = await newClient(true);
    await client.query({ query: COMPANIES, variables: { first: 100 } });
    const cache = client.cache;
    const id = cache.identify({ __typename: 'Company', id: 'company:resonac' });
    expect(id).toBe('Company:company:resonac');
    const extracted = cache.extract() as NormalizedCacheObject;
    expect(extracted[id!]).toMatchObject({ id: 'company:resonac', name: 'RESONAC' });
    expect(cache.readFragment({ id, fragment: ENTITY_FIELDS })).toEqual({
      __typename: 'Company',
      id: 'company:resonac',
      name: 'RESONAC',
      kind: 'Company',
    });
    client.stop();
  });

  it('logs no warning with possibleTypes (the cache sees every field of a fragment on Entity)', () => {
    expect(warnings).toEqual([]);
  });

  it('without possibleTypes a fragment on Entity does not match a Company: why the server publishes them', async () => {
    const client = await newClient(false);
    await client.query({ query: COMPANIES, variables: { first: 100 } });
    const id = client.cache.identify({ __typename: 'Company', id: 'company:resonac' });
    const read = (() => {
      try {
        return client.cache.readFragment({ id, fragment: ENTITY_FIELDS });
      } catch (error) {
        return error;
      }
    })();
    expect(read).not.toEqual({ __typename: 'Company', id: 'company:resonac', name: 'RESONAC', kind: 'Company' });
    client.stop();
    warnings.length = 0;
  });
});
