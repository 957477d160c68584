/**
 * The risk lens: material nodes coloured by their supply concentration (HHI by company, from supplyRisk) or by
 * whether they hang on a single supplier, and entities sized by a centrality measure. Pure: it turns the API's
 * answers into colours and sizes; main fetches and paints.
 */
import type { EntityScore, SupplyRiskRow } from './analytics-api.ts';
import type { ExplorerGraph } from './graph-state.ts';
import { faded, hhiColor, NO_SUPPLY_LINK, SEVERAL_SUPPLIERS, SINGLE_SUPPLIER } from './palette.ts';

export type ColorLens = 'hhi' | 'single';
export type SizeLens = 'betweenness' | 'degree';

export const COLOR_LENSES: readonly ColorLens[] = ['hhi', 'single'];
export const SIZE_LENSES: readonly SizeLens[] = ['betweenness', 'degree'];

/** Material nodes by their row (no row: no supply link counts); other nodes faded, so the measure stands out. */
export function lensColors(
  graph: ExplorerGraph,
  lens: ColorLens,
  rows: ReadonlyMap<string, SupplyRiskRow>,
): Map<string, string> {
  const colors = new Map<string, string>();
  graph.forEachNode((id, attributes) => {
    if (attributes.kind !== 'Material') {
      colors.set(id, faded(attributes.color));
      return;
    }
    const row = rows.get(id);
    if (row === undefined) colors.set(id, NO_SUPPLY_LINK);
    else if (lens === 'hhi') colors.set(id, hhiColor(row.hhiByCompany));
    else colors.set(id, row.singleSupplier ? SINGLE_SUPPLIER : SEVERAL_SUPPLIERS);
  });
  return colors;
}

const MIN_SIZE = 3;
const MAX_SIZE = 22;

/**
 * Sizes by score: the square root of the share of the top score, so area follows the score. Entities outside the
 * top 100 (or outside the measure's projection) get the smallest size.
 */
export function lensSizes(graph: ExplorerGraph, scores: readonly EntityScore[]): Map<string, number> {
  const byId = new Map(scores.map((s) => [s.entity.id, s.score]));
  const top = Math.max(...scores.map((s) => s.score), Number.MIN_VALUE);
  const sizes = new Map<string, number>();
  graph.forEachNode((id) => {
    const score = byId.get(id) ?? 0;
    sizes.set(id, MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(Math.max(0, score) / top));
  });
  return sizes;
}
