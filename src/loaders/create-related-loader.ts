/**
 * Per request: one DataLoader per distinct related spec (direction, types, kinds, asOf, page), so every parent entity
 * of one field at one nesting level is read in one statement (src/graph/related-entities.ts).
 */
import DataLoader from 'dataloader';
import type { QueryRunner } from '../db/query-runner.ts';
import { findRelated, type RelatedPage, type RelatedSpec } from '../graph/related-entities.ts';

export type RelatedLoaders = (spec: RelatedSpec) => DataLoader<string, RelatedPage>;

/** Returns a function that gives the loader for a spec, creating one per distinct spec in this request. */
export function createRelatedLoaders(runner: QueryRunner): RelatedLoaders {
  const loaders = new Map<string, DataLoader<string, RelatedPage>>();
  return (spec) => {
    const key = JSON.stringify(spec);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const byId = await findRelated(runner, ids, spec);
        return ids.map((id) => byId.get(id) ?? { rows: [], total: null });
      });
      loaders.set(key, loader);
    }
    return loader;
  };
}
