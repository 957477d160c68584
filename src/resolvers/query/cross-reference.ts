/**
 * Query.crossReference and Query.crossReferenceMatrix: which companies link to which materials, as rows (with
 * citations) or as a companies x materials matrix.
 */
import type { CrossReferenceFilter as FilterArgument, InputMaybe, QueryResolvers } from '../../generated/graphql.ts';
import { findCrossReferences, type CrossReferenceFilter } from '../../graph/cross-reference.ts';
import { toMatrix } from '../../graph/cross-reference-matrix.ts';
import { asOfBound, checkCrossReferenceFilter } from '../../argument-checks.ts';
import { offsetPage } from '../pagination.ts';

/** The most links one matrix is built from; beyond it the matrix says it is truncated. */
const MAX_MATRIX_LINKS = 5_000;

function checkedFilter(filter: InputMaybe<FilterArgument> | undefined): CrossReferenceFilter {
  return checkCrossReferenceFilter(filter, (field) => `filter.${field}`);
}

export const crossReference: QueryResolvers['crossReference'] = (_parent, args, { runner }, info) => {
  const filter = checkedFilter(args.filter);
  const asOf = asOfBound(args.asOf);
  return offsetPage(args, info, async (offset, limit, count) => {
    const { links, total } = await findCrossReferences(runner, filter, asOf, { offset, limit }, count);
    return { items: links, total };
  });
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
