/**
 * Test fixture: a projection graph written as links. 'a-b' links a and b by a relationship with id 'a-b' (a second
 * 'a-b' gets 'a-b#2', and so on) of type LINKS; every entity is of kind Entity.
 */
import { toGraph } from '../../../src/analytics/projection.ts';
import type { ProjectionGraph, ProjectionRelationship } from '../../../src/analytics/projection.ts';

export function linkGraph(links: readonly string[], isolated: readonly string[] = []): ProjectionGraph {
  const ids = new Set(isolated);
  const relationships: ProjectionRelationship[] = [];
  const seen = new Map<string, number>();
  for (const link of links) {
    const [source, target, ...rest] = link.split('-');
    if (source === undefined || target === undefined || rest.length > 0) throw new Error(`Not a link: ${link}`);
    ids.add(source).add(target);
    const count = (seen.get(link) ?? 0) + 1;
    seen.set(link, count);
    relationships.push({ id: count === 1 ? link : `${link}#${count}`, type: 'LINKS', source, target });
  }
  return toGraph({ nodes: [...ids].map((id) => ({ id, kind: 'Entity' })), relationships });
}

/** The links of a path through `ids` in the order given. */
export function pathLinks(ids: readonly string[]): string[] {
  return ids.slice(1).map((id, i) => `${ids[i]}-${id}`);
}

/** The links of a complete graph on `ids`. */
export function cliqueLinks(ids: readonly string[]): string[] {
  return ids.flatMap((a, i) => ids.slice(i + 1).map((b) => `${a}-${b}`));
}
