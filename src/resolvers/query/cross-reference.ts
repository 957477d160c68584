/**
 * Query.crossReference and Query.crossReferenceMatrix: which companies link to which materials, as rows (with
 * citations) or as a companies x materials matrix.
 */
import type {
  CrossReferenceConnectionResolvers,
  CrossReferenceFilter as FilterArgument,
  InputMaybe,
  QueryResolvers,
} from '../../generated/graphql.ts';
import {
  findCrossReferences,
  groupCrossReferences,
  type CrossReferenceFilter,
  type CrossReferenceLink,
} from '../../graph/cross-reference.ts';
import { toMatrix } from '../../graph/cross-reference-matrix.ts';
import { asOfBound, checkCrossReferenceFilter, checkRange } from '../../argument-checks.ts';
import { offsetPage, type Page } from '../pagination.ts';
import { entityNodes, planEach } from '../plan-selection.ts';
import { selectsField } from '../projection.ts';

/** The most links one matrix is built from; beyond it the matrix says it is truncated. */
const MAX_MATRIX_LINKS = 5_000;

function checkedFilter(filter: InputMaybe<FilterArgument> | undefined): CrossReferenceFilter {
  return checkCrossReferenceFilter(filter, (field) => `filter.${field}`);
}

/** The rows' entities as a selection reaches them: CrossReferenceConnection.edges.node.<entity>. */
const rowEntity = (entity: 'company' | 'material' | 'category' | 'program') =>
  [
    ['CrossReferenceConnection', 'edges'],
    ['CrossReferenceEdge', 'node'],
    ['CrossReferenceRow', entity],
  ] as const;

export const crossReference: QueryResolvers['crossReference'] = async (_parent, args, { runner, vocabulary }, info) => {
  const filter = checkedFilter(args.filter);
  const asOf = asOfBound(args.asOf);
  // The typed relationship fields selected on the rows' companies, materials, categories and programmes are read in
  // the page's statement.
  const programNodes = entityNodes(info, rowEntity('program'));
  const [company = [], material = [], category = [], program = []] = planEach(
    info,
    [
      { nodes: entityNodes(info, rowEntity('company')), kinds: ['Company'] },
      { nodes: entityNodes(info, rowEntity('material')), kinds: ['Material'] },
      { nodes: entityNodes(info, rowEntity('category')), kinds: ['Material'] },
      { nodes: programNodes, kinds: ['Program'] },
    ],
    vocabulary,
  );
  const page = await offsetPage(args, info, async (offset, limit, count) => {
    const { links, total } = await findCrossReferences(runner, filter, asOf, { offset, limit }, count, {
      company,
      material,
      category,
      // The programme is read in the page when selected.
      program: programNodes.length > 0 ? program : null,
    });
    return { items: links, total };
  });
  return { ...page, filter, asOf } satisfies CrossReferenceConnectionRow;
};

/** Query.crossReference's connection as its fields see it: the page, and the filter every match answers. */
export interface CrossReferenceConnectionRow extends Page<CrossReferenceLink> {
  filter: CrossReferenceFilter;
  asOf: string | null;
}

/** The most groups one groupBy returns. */
const MAX_GROUPS = 100;

export const crossReferenceConnectionFields: CrossReferenceConnectionResolvers = {
  groupBy: (connection, args, { runner }, info) =>
    groupCrossReferences(
      runner,
      connection.filter,
      connection.asOf,
      args.by,
      checkRange('first', args.first, 1, MAX_GROUPS),
      selectsField(info, 'Group', 'ids'),
    ),
};

export const crossReferenceMatrix: QueryResolvers['crossReferenceMatrix'] = async (_parent, args, { runner }) => {
  const filter = checkedFilter(args.filter);
  const { links, total } = await findCrossReferences(
    runner,
    filter,
    asOfBound(args.asOf),
    {
      offset: 0,
      limit: MAX_MATRIX_LINKS,
    },
    true,
  );
  return { ...toMatrix(links), linkCount: total, truncated: total > links.length };
};
