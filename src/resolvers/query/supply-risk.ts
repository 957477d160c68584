/**
 * Query.supplyRisk and Query.disruption: supply concentration per material item or category, and what removing
 * countries or companies would break (src/graph/supply-risk.ts, src/measures/disruption-report.ts).
 */
import type { InputMaybe, QueryResolvers, SupplyRiskFilter as FilterArgument } from '../../generated/graphql.ts';
import { asOfBound, optionalList } from '../../argument-checks.ts';
import { BadUserInputError } from '../../errors.ts';
import { findSupplyRisk, type SupplyRiskFilter } from '../../graph/supply-risk.ts';
import { disruptionReport } from '../../measures/disruption-report.ts';
import { SUPPLY_LINK_TYPES } from '../../model/vocabulary.ts';
import { offsetPage } from '../pagination.ts';
import { supplyRiskParts } from '../projection.ts';

function checkedFilter(filter: InputMaybe<FilterArgument> | undefined): SupplyRiskFilter {
  const threshold = filter?.threshold ?? 0.65;
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new BadUserInputError('filter.threshold', `'filter.threshold' must be between 0 and 1, got ${threshold}`);
  }
  const linkTypes = optionalList('filter.linkTypes', filter?.linkTypes);
  const notSupply = linkTypes?.find((type) => !SUPPLY_LINK_TYPES.includes(type));
  if (notSupply !== undefined) {
    throw new BadUserInputError(
      'filter.linkTypes',
      `'filter.linkTypes' takes supply links (${SUPPLY_LINK_TYPES.join(', ')}), got ${notSupply}`,
    );
  }
  return {
    categories: optionalList('filter.categories', filter?.categories),
    materials: optionalList('filter.materials', filter?.materials),
    companies: optionalList('filter.companies', filter?.companies),
    countries: optionalList('filter.countries', filter?.countries),
    linkTypes,
    level: filter?.level ?? 'ITEM',
    threshold,
  };
}

export const supplyRisk: QueryResolvers['supplyRisk'] = (_parent, args, { runner }, info) => {
  const filter = checkedFilter(args.filter);
  const options = {
    asOf: asOfBound(args.asOf),
    order: args.orderBy,
    read: supplyRiskParts(info, [
      [
        ['SupplyRiskConnection', 'edges'],
        ['SupplyRiskEdge', 'node'],
      ],
    ]),
  };
  return offsetPage(args, info, async (offset, limit) => {
    const { rows, total } = await findSupplyRisk(runner, filter, { ...options, offset, limit });
    return { items: rows, total };
  });
};

export const disruption: QueryResolvers['disruption'] = (_parent, args, context) =>
  disruptionReport(
    context.runner,
    (ids) => context.entities.loadMany(ids).then((rows) => rows.map((r) => (r instanceof Error ? null : r))),
    args.remove,
    checkedFilter(args.filter),
    asOfBound(args.asOf),
  );
