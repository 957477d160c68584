/**
 * Adding a kind is one edit of the vocabulary plus data: a copy of the vocabulary with a Port kind (a typed
 * relationship field and a property field) and a SHIPS_VIA type validates and loads a document that uses them,
 * and a server built for it serves the kind in the schema, the generic and typed layers, search, subgraphs and
 * exports.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORT_VOCABULARY } from '../../fixtures/extended-model/port-vocabulary.ts';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';

const PORTS = fileURLToPath(new URL('../../fixtures/extended-model/ports.yaml', import.meta.url));

const extended = PORT_VOCABULARY;

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer({ vocabulary: extended, extraFiles: [PORTS] });
});
afterAll(async () => {
  await api?.close();
});

describe('a kind added to the vocabulary', () => {
  it('is served by the typed layer with its own fields', async () => {
    const { data, errors } = await api.graphql(`{
      entity(id: "port:yokkaichi") {
        __typename kind name
        ... on Port { capacity users { id name } }
        relationships { edges { type node { id } } }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data?.['entity']).toEqual({
      __typename: 'Port',
      kind: 'Port',
      name: 'Port of Yokkaichi',
      capacity: 60,
      users: [{ id: 'company:kioxia', name: 'Kioxia' }],
      relationships: { edges: [{ type: 'SHIPS_VIA', node: { id: 'company:kioxia' } }] },
    });
  });

  it('is listed, counted, searched and drawn like any kind', async () => {
    const { data, errors } = await api.graphql(`{
      entities(kind: Port) { totalCount edges { node { id } } }
      graphStats { kinds { kind count } relationshipTypes { type count } }
      search(text: "Port of Yokkaichi") { entity { id } }
      neighborhood(id: "company:kioxia", types: [SHIPS_VIA]) { nodes { id kind } edges { type source target } }
    }`);
    expect(errors).toBeUndefined();
    expect(data?.['entities']).toEqual({ totalCount: 1, edges: [{ node: { id: 'port:yokkaichi' } }] });
    expect(data?.['graphStats'].kinds).toContainEqual({ kind: 'Port', count: 1 });
    expect(data?.['graphStats'].relationshipTypes).toContainEqual({ type: 'SHIPS_VIA', count: 1 });
    expect(data?.['search']).toContainEqual({ entity: { id: 'port:yokkaichi' } });
    expect(data?.['neighborhood'].nodes).toContainEqual({ id: 'port:yokkaichi', kind: 'Port' });
    expect(data?.['neighborhood'].edges).toEqual([
      { type: 'SHIPS_VIA', source: 'company:kioxia', target: 'port:yokkaichi' },
    ]);
  });

  it('is exported with its kind, like any kind', async () => {
    const response = await fetch(`${api.url.replace(/\/graphql$/, '')}/export/cytoscape?root=port:yokkaichi&depth=1`);
    expect(response.status).toBe(200);
    const { elements } = (await response.json()) as {
      elements: { nodes: Array<{ data: Record<string, unknown> }>; edges: Array<{ data: Record<string, unknown> }> };
    };
    expect(elements.nodes.map((n) => [n.data['id'], n.data['kind']])).toEqual(
      expect.arrayContaining([
        ['port:yokkaichi', 'Port'],
        ['company:kioxia', 'Company'],
      ]),
    );
    expect(elements.edges.map((e) => e.data['relationshipType'])).toEqual(['SHIPS_VIA']);
  });
});
