/**
 * Internal: the fields of Query.disruption's report. The counts are read off the report; each list reads its
 * slice (`first` rows from `offset`) when asked for, with the row parts its own selection reaches
 * (src/measures/disruption-report.ts).
 */
import type { Resolvers } from '../generated/graphql.ts';
import { checkRange } from '../argument-checks.ts';
import {
  affectedSlice,
  MAX_SLICE,
  removedLinksSlice,
  withOneSupplier,
  withOneSupplierSlice,
  withoutSupplier,
  withoutSupplierSlice,
  type Slice,
} from '../measures/disruption-report.ts';
import { supplyRiskParts } from './projection.ts';

/** A list's slice when `first` is not given (schema.graphql's default, for callers that pass null). */
const DEFAULT_SLICE = 100;

function slice(field: string, args: { first?: number | null; offset?: number | null }): Slice {
  return {
    first: checkRange(`${field}.first`, args.first ?? DEFAULT_SLICE, 0, MAX_SLICE),
    offset: checkRange(`${field}.offset`, args.offset ?? 0, 0, Number.MAX_SAFE_INTEGER),
  };
}

export const disruptionReportResolvers: Pick<Resolvers, 'DisruptionReport'> = {
  DisruptionReport: {
    removedLinkCount: (report) => report.classification.removedLinkCount,
    removedLinks: (report, args, { runner }) => removedLinksSlice(runner, report, slice('removedLinks', args)),
    itemsWithoutSupplierCount: (report) => withoutSupplier(report).length,
    itemsWithoutSupplier: (report, args, { runner }, info) =>
      withoutSupplierSlice(runner, report, slice('itemsWithoutSupplier', args), supplyRiskParts(info, [[]])),
    itemsWithOneSupplierCount: (report) => withOneSupplier(report).length,
    itemsWithOneSupplier: (report, args, { runner }, info) =>
      withOneSupplierSlice(runner, report, slice('itemsWithOneSupplier', args), supplyRiskParts(info, [[]])),
    affectedCount: (report) => report.classification.affected.length,
    affected: (report, args, { runner }, info) =>
      affectedSlice(
        runner,
        report,
        slice('affected', args),
        supplyRiskParts(info, [[['SupplyRiskChange', 'before']], [['SupplyRiskChange', 'after']]]),
      ),
  },
};
