/**
 * Query.crossReference and Query.crossReferenceMatrix: which companies link to which materials, as rows (with
 * citations) or as a companies x materials matrix.
 */
import type { CrossReferenceFilter as FilterArgument, InputMaybe, QueryResolvers } from '../../generated/graphql.ts';
import { findCrossReferences, type CrossReferenceFilter } from '../../graph/cross-reference.ts';
import { toMatrix } from '../../graph/cross-reference-matrix.ts';
import { asOfBound, checkRange, optionalList } from '../arguments.ts';
import { paginate } from '../pagination.ts';

function checkedFilter(filter: InputMaybe<FilterArgument> | undefined): CrossReferenceFilter {
  return {
    categories: optionalList('filter.categories', filter?.categories),
    companies: optionalList('filter.companies', filter?.companies),
    countries: optionalList('filter.countries', filter?.countries),
    programs: optionalList('filter.programs', filter?.programs),
    linkTypes: optionalList('filter.linkTypes', filter?.linkTypes),
    minCategories:
      filter?.minCategories === null || filter?.minCategories === undefined
        ? null
        : checkRange('filter.minCategories', filter.minCategories, 1, 20),
  };
}

export const crossReference: QueryResolvers['crossReference'] = async (_parent, args, { runner }) => {
  const links = await findCrossReferences(runner, checkedFilter(args.filter), asOfBound(args.asOf));
  return paginate(links, args.first, args.after);
};

export const crossReferenceMatrix: QueryResolvers['crossReferenceMatrix'] = async (_parent, args, { runner }) =>
  toMatrix(await findCrossReferences(runner, checkedFilter(args.filter), asOfBound(args.asOf)));
