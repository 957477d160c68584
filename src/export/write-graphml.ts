/**
 * Internal: GraphML (yEd, Gephi, networkx, igraph), built with xmlbuilder2 (graphology-graphml only parses).
 * Every attribute is a declared `<key>` with its `attr.type`; the metadata are graph-level keys; `label` is a node
 * key yEd's Properties Mapper can show as the node label.
 */
import { create } from 'xmlbuilder2';
import { inferAttributeTypes } from './attribute-types.ts';
import type { ExportGraph } from './build-export-graph.ts';
import type { AttributeValue } from './element-attributes.ts';

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const SCHEMA_LOCATION = `${GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd`;

export function writeGraphml(graph: ExportGraph): string {
  const metadata = graph.getAttributes() as unknown as Record<string, AttributeValue>;
  const scopes = [
    { scope: 'graph', prefix: 'g', types: inferAttributeTypes([metadata]) },
    { scope: 'node', prefix: 'n', types: inferAttributeTypes(graph.mapNodes((_n, attributes) => attributes)) },
    { scope: 'edge', prefix: 'e', types: inferAttributeTypes(graph.mapEdges((_e, attributes) => attributes)) },
  ];
  // Key ids are positional (n0, n1, ...): attribute names need not be valid XML ids.
  const keyIds = new Map(
    scopes.map(({ scope, prefix, types }) => [
      scope,
      new Map([...types.keys()].map((name, i) => [name, `${prefix}${i}`])),
    ]),
  );

  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(GRAPHML_NS, 'graphml', {
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': SCHEMA_LOCATION,
  });
  for (const { scope, types } of scopes) {
    for (const [name, type] of types) {
      root.ele('key', { id: keyIds.get(scope)?.get(name), for: scope, 'attr.name': name, 'attr.type': type });
    }
  }
  const addData = (element: ReturnType<typeof root.ele>, scope: string, attributes: Record<string, AttributeValue>) => {
    for (const [name, value] of Object.entries(attributes)) {
      element.ele('data', { key: keyIds.get(scope)?.get(name) }).txt(String(value));
    }
  };

  const graphElement = root.ele('graph', { id: 'G', edgedefault: 'directed' });
  addData(graphElement, 'graph', metadata);
  graph.forEachNode((id, attributes) => addData(graphElement.ele('node', { id }), 'node', attributes));
  graph.forEachEdge((id, attributes, source, target) =>
    addData(graphElement.ele('edge', { id, source, target }), 'edge', attributes),
  );
  return root.end({ prettyPrint: true });
}
