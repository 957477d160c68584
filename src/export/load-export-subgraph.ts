/**
 * Internal: the subgraph a selection names, read through the graph layer's queries (findNeighborhood,
 * findShortestPath, findCrossReferences, findSubgraphByIds, findWholeGraph). An unknown entity or a missing path
 * is a NotFound naming the parameter, never an empty export.
 */
import type { RequestContext } from '../context.ts';
import { findCrossReferences } from '../graph/cross-reference.ts';
import { findNeighborhood } from '../graph/neighborhood.ts';
import { endOfPeriod } from '../model/partial-date.ts';
import type { EntityRow } from '../graph/rows.ts';
import { findShortestPath } from '../graph/shortest-path.ts';
import { findSubgraphByIds } from '../graph/subgraph-by-ids.ts';
import { findWholeGraph } from '../graph/whole-graph.ts';
import type { ExportSubgraph } from './build-export-graph.ts';
import type { ExportEdge } from './element-attributes.ts';

/** The most company-material links a cross-reference export holds; beyond it the file says truncated. */
const MAX_EXPORT_LINKS = 20_000;
import { GRAPH_EXPORT_MAX_EDGES, GRAPH_EXPORT_MAX_NODES, type ExportSelection } from './export-selection.ts';

/** The derived edge from a material to its critical-material category in cross-reference exports. */
const IN_CATEGORY = 'IN_CATEGORY';

export interface NotFound {
  notFound: { parameter: string; message: string };
}

export interface GraphCaps {
  maxNodes: number;
  maxEdges: number;
}

export const DEFAULT_GRAPH_CAPS: GraphCaps = { maxNodes: GRAPH_EXPORT_MAX_NODES, maxEdges: GRAPH_EXPORT_MAX_EDGES };

export async function loadExportSubgraph(
  context: Pick<RequestContext, 'runner' | 'entities'>,
  selection: ExportSelection,
  caps: GraphCaps = DEFAULT_GRAPH_CAPS,
): Promise<ExportSubgraph | NotFound> {
  const { runner, entities } = context;
  const asOf = selection.asOf === null ? null : endOfPeriod(selection.asOf);
  const unknown = (parameter: string, id: string): NotFound => ({
    notFound: { parameter, message: `'${parameter}': no entity has the id '${id}'` },
  });
  switch (selection.kind) {
    case 'neighborhood': {
      const subgraph = await findNeighborhood(runner, selection.root, {
        depth: selection.depth,
        limit: selection.limit,
        types: selection.types,
        asOf,
      });
      if (!subgraph) return unknown('root', selection.root);
      const { nodes, edges, truncated } = subgraph;
      return { nodes, edges, truncated };
    }
    case 'path': {
      const [from, to] = await Promise.all([entities.load(selection.from), entities.load(selection.to)]);
      if (!from) return unknown('from', selection.from);
      if (!to) return unknown('to', selection.to);
      const path = await findShortestPath(runner, from, to, {
        maxHops: selection.maxHops,
        types: selection.types,
        asOf,
      });
      if (!path) {
        return {
          notFound: {
            parameter: 'to',
            message: `No path from '${from.id}' to '${to.id}' within ${selection.maxHops} hops`,
          },
        };
      }
      return { nodes: path.nodes, edges: path.edges, truncated: false };
    }
    case 'crossReference': {
      const { links, total } = await findCrossReferences(
        runner,
        selection.filter,
        asOf,
        {
          offset: 0,
          limit: MAX_EXPORT_LINKS,
        },
        true,
      );
      const nodes: EntityRow[] = [];
      const edges: ExportEdge[] = [];
      for (const link of links) {
        nodes.push(link.company, link.material);
        edges.push(link.relationship);
        if (link.category && link.category.id !== link.material.id) {
          nodes.push(link.category);
          edges.push({
            id: `${IN_CATEGORY}:${link.material.id}->${link.category.id}`,
            type: IN_CATEGORY,
            source: link.material.id,
            target: link.category.id,
            note: "Derived for the export: the material's critical-material category (its nearest designated ancestor).",
            sources: [],
            properties: {},
          });
        } else if (link.category) {
          nodes.push(link.category);
        }
      }
      return { nodes, edges, truncated: total > links.length };
    }
    case 'ids': {
      const found = await findSubgraphByIds(runner, selection.ids, { types: selection.types, asOf });
      const [first] = found.missing;
      if (first !== undefined) {
        return {
          notFound: {
            parameter: 'ids',
            message: `'ids': no entity has the id${found.missing.length > 1 ? 's' : ''} ${found.missing.map((id) => `'${id}'`).join(', ')}`,
          },
        };
      }
      return { nodes: found.nodes, edges: found.edges, truncated: false };
    }
    case 'graph':
      return findWholeGraph(runner, { ...caps, types: selection.types, asOf });
    default: {
      const never: never = selection;
      throw new Error(`unknown selection ${JSON.stringify(never)}`);
    }
  }
}
