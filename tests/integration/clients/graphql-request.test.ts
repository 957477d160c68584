/**
 * graphql-request 7 against the running server, with no options: a query with variables, and a client mistake
 * thrown as a ClientError that carries the server's code and the argument it names.
 */
import { ClientError, gql, request } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
});
afterAll(() => api?.close());

describe('graphql-request', () => {
  it('reads an entity and the materials the data files link it to', async () => {
    const data = await request<{ entity: { name: string; materials: Array<{ name: string }> } }>(
      api.url,
      gql`
        query ($id: ID!) {
          entity(id: $id) {
            name
            ... on Company {
              materials {
                name
              }
            }
          }
        }
      `,
      { id: 'company:resonac' },
    );
    expect(data.entity.name).toBe('RESONAC');
    expect(data.entity.materials.map((m) => m.name).sort()).toEqual([
      'Conductive assistance',
      'SiC epitaxial wafer',
      'SiC wafer (board)',
    ]);
  });

  it('throws a ClientError with the code and the argument of a bad page size', async () => {
    const error = await request(api.url, '{ entities(first: 500) { totalCount } }').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    const [first] = (error as ClientError).response.errors ?? [];
    expect(first?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(first?.message).toBe("'first' must be between 0 and 100, got 500");
  });
});
