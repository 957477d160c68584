/**
 * Per request: entities by id read together with the typed fields selected on them (src/graph/related-tree.ts),
 * one DataLoader per distinct set of plans. The trees prime the related loaders and the entities prime the entity
 * loader, so `entity(id) { ... on Company { materials { suppliers { id } } } }` is one statement.
 */
import DataLoader from 'dataloader';
import type { QueryRunner } from '../db/query-runner.ts';
import { findEntitiesWithTrees, type KindPlan } from '../graph/related-tree.ts';
import { toEntityRow, type EntityRow } from '../graph/rows.ts';
import { primeTrees, type RelatedLoaders } from './create-related-loader.ts';
import { loaderPerKey } from './loader-per-key.ts';

export type EntityTreeLoaders = (plans: readonly KindPlan[]) => DataLoader<string, EntityRow | null>;

export function createEntityTreeLoaders(
  runner: QueryRunner,
  related: RelatedLoaders,
  entities: DataLoader<string, EntityRow | null>,
): EntityTreeLoaders {
  return loaderPerKey(
    (plans: readonly KindPlan[]) =>
      new DataLoader<string, EntityRow | null>(async (ids) => {
        const found = await findEntitiesWithTrees(runner, ids, plans);
        primeTrees(related, found.trees);
        const byId = new Map(found.entities.map((props) => [String(props['id']), toEntityRow(props)]));
        for (const [id, row] of byId) entities.prime(id, row);
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}
