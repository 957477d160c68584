/**
 * urql 6 (@urql/core) against the running server. urql sends queries by GET while the URL is short enough
 * (`preferGetMethod: 'within-url-limit'`, its default), and a GET without a header a browser form cannot send is
 * refused by Apollo's CSRF prevention. The one documented line (docs/clients.md) makes it work: POST
 * (`preferGetMethod: false`), or GET with `apollo-require-preflight: true`, which keeps GET's caching.
 */
import { Client, cacheExchange, fetchExchange, gql } from '@urql/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';

const RESONAC = gql`
  query Resonac($id: ID!) {
    entity(id: $id) {
      id
      name
      ... on Company {
        materials {
          id
          name
        }
      }
    }
  }
`;

let api: ApiServer;
/** The method and status of every request the clients send. */
const sent: Array<{ method: string; status: number }> = [];
const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  sent.push({ method: init?.method ?? 'GET', status: response.status });
  return response;
};

beforeAll(async () => {
  api = await startApiServer();
});
afterAll(() => api?.close());

function client(options: Partial<ConstructorParameters<typeof Client>[0]> = {}): Client {
  return new Client({ url: api.url, exchanges: [cacheExchange, fetchExchange], fetch: recordingFetch, ...options });
}

/** RESONAC's materials, as the data files link them (docs/api.md shows the same answer). */
const RESONAC_MATERIALS = ['Conductive assistance', 'SiC epitaxial wafer', 'SiC wafer (board)'];

describe('urql: the defaults and the one documented line', () => {
  it('by default sends a GET that CSRF prevention refuses with a 400 and a code, not a server error', async () => {
    sent.length = 0;
    const result = await client().query(RESONAC, { id: 'company:resonac' }).toPromise();
    expect(sent).toEqual([{ method: 'GET', status: 400 }]);
    expect(result.data).toBeUndefined();
    expect(result.error?.graphQLErrors[0]?.extensions['code']).toBe('BAD_REQUEST');
    expect(result.error?.message).toContain('apollo-require-preflight');
  });

  it('with preferGetMethod: false, reads over POST', async () => {
    sent.length = 0;
    const result = await client({ preferGetMethod: false }).query(RESONAC, { id: 'company:resonac' }).toPromise();
    expect(result.error).toBeUndefined();
    expect(sent).toEqual([{ method: 'POST', status: 200 }]);
    expect(result.data.entity.name).toBe('RESONAC');
    expect(result.data.entity.materials.map((m: { name: string }) => m.name).sort()).toEqual(RESONAC_MATERIALS);
  });

  it('with the apollo-require-preflight header, reads over GET, cacheable', async () => {
    sent.length = 0;
    const result = await client({ fetchOptions: { headers: { 'apollo-require-preflight': 'true' } } })
      .query(RESONAC, { id: 'company:resonac' })
      .toPromise();
    expect(result.error).toBeUndefined();
    expect(sent).toEqual([{ method: 'GET', status: 200 }]);
    expect(result.data.entity.materials.map((m: { name: string }) => m.name).sort()).toEqual(RESONAC_MATERIALS);
  });

  it('pages a connection with a null count variable, as Relay-style clients send it', async () => {
    const result = await client({ preferGetMethod: false })
      .query(
        gql`
          query ($count: Int, $cursor: String) {
            entities(kind: Company, first: $count, after: $cursor) {
              edges {
                node {
                  id
                }
              }
            }
          }
        `,
        {
          count: null,
          cursor: null,
        },
      )
      .toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data.entities.edges).toHaveLength(20);
  });
});
