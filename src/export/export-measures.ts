/**
 * Internal: the analytics an export can carry as node attributes (`?measures=hhi,betweenness,community` over
 * HTTP, `measures` in Query.exportGraph), so Gephi, networkx or Cytoscape colour and size by them without
 * computing them again. Each is computed as the API computes it (docs/analytics.md):
 *
 * - `hhi`: a material's supply concentration as an item (`hhiByCompany`, `supplierCount`, `singleSupplier`,
 *   `weighting`), from Query.supplyRisk's statement, for the materials in the export;
 * - `degree`, `betweenness`, `pagerank`, `community`: over the default supply-network projection (companies,
 *   materials and countries; supply links, BASED_IN and PART_OF) on the export's date, for the entities in it
 *   (entities outside the projection get none).
 */
import type { ExportGraph } from './build-export-graph.ts';
import type { RequestContext } from '../context.ts';
import { BadUserInputError } from '../errors.ts';
import { findSupplyRisk } from '../graph/supply-risk.ts';
import { SUPPLY_NETWORK } from '../graph/projection.ts';

const EXPORT_MEASURES = ['hhi', 'degree', 'betweenness', 'pagerank', 'community'] as const;
export type ExportMeasure = (typeof EXPORT_MEASURES)[number];

/** The most entities a ranking is read for: every entity of a projection within the in-process cap. */
const ALL_RANKED = 1_000_000;

/** The measures named by `argument` (a list or comma-separated), checked; BAD_USER_INPUT names an unknown one. */
export function checkExportMeasures(argument: string, values: readonly string[] | null): ExportMeasure[] {
  if (values === null) return [];
  const measures = [...new Set(values.map((v) => v.trim().toLowerCase()).filter((v) => v !== ''))];
  for (const measure of measures) {
    if (!(EXPORT_MEASURES as readonly string[]).includes(measure)) {
      throw new BadUserInputError(
        argument,
        `'${argument}' must list measures among ${EXPORT_MEASURES.join(', ')}, got '${measure}'`,
      );
    }
  }
  return measures as ExportMeasure[];
}

/** Sets each measure's attributes on the export's nodes. */
export async function addExportMeasures(
  context: Pick<RequestContext, 'runner' | 'measures'>,
  graph: ExportGraph,
  measures: readonly ExportMeasure[],
  asOf: string | null,
): Promise<void> {
  const spec = { ...SUPPLY_NETWORK, asOf };
  for (const measure of measures) {
    switch (measure) {
      case 'hhi': {
        const materials = graph.filterNodes((_id, attributes) => attributes['kind'] === 'Material');
        if (materials.length === 0) break;
        const { rows } = await findSupplyRisk(
          context.runner,
          {
            materials,
            categories: null,
            companies: null,
            countries: null,
            linkTypes: null,
            level: 'ITEM',
            threshold: 0.65,
          },
          { asOf, order: 'NAME_ASC', offset: 0, limit: materials.length, read: { shares: false, links: false } },
        );
        for (const row of rows) {
          graph.mergeNodeAttributes(row.material.id, {
            hhiByCompany: row.hhiByCompany,
            supplierCount: row.supplierCount,
            singleSupplier: row.singleSupplier,
            weighting: row.weighting,
          });
        }
        break;
      }
      case 'degree':
      case 'betweenness':
      case 'pagerank': {
        const scores = await context.measures.centrality(
          context.runner,
          measure === 'degree' ? 'DEGREE' : measure === 'betweenness' ? 'BETWEENNESS' : 'PAGERANK',
          spec,
          ALL_RANKED,
        );
        for (const score of scores) {
          if (graph.hasNode(score.entityId)) graph.mergeNodeAttributes(score.entityId, { [measure]: score.score });
        }
        break;
      }
      case 'community': {
        const communities = await context.measures.communities(context.runner, spec, 1, ALL_RANKED);
        for (const community of communities) {
          for (const id of community.memberIds) {
            if (graph.hasNode(id)) graph.mergeNodeAttributes(id, { community: community.id });
          }
        }
        break;
      }
      default: {
        const unknown: never = measure;
        throw new Error(`no export measure ${String(unknown)}`);
      }
    }
  }
}
