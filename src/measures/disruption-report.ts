/**
 * Internal: Query.disruption's answer: which countries and companies were removed, and what that breaks
 * (src/graph/disruption.ts). The removed entities are checked first: each must exist and be a Country or a
 * Company, else BAD_USER_INPUT names the `remove` entry. The report holds the affected rows' ids and supplier
 * counts; each list's slice is read when asked for, with the row parts its selection reaches.
 */
import { BadUserInputError } from '../errors.ts';
import {
  classifyDisruption,
  disruptionRows,
  findRemovedLinks,
  type AffectedRow,
  type DisruptionClassification,
  type DisruptionRemoval,
} from '../graph/disruption.ts';
import type { EntityRow, RelationshipRow } from '../graph/rows.ts';
import type { RowParts, SupplyRiskFilter, SupplyRiskRow } from '../graph/supply-risk.ts';
import type { QueryRunner } from '../db/query-runner.ts';

export interface DisruptionReportRow {
  removed: EntityRow[];
  removal: DisruptionRemoval;
  filter: SupplyRiskFilter;
  asOf: string | null;
  classification: DisruptionClassification;
}

/** One affected item's concentration before and after. */
export interface SupplyRiskChangeRow {
  material: EntityRow;
  before: SupplyRiskRow;
  after: SupplyRiskRow | null;
}

/** A slice of one of the report's lists. */
export interface Slice {
  first: number;
  offset: number;
}

/** The most entities one disruption removes. */
const MAX_REMOVED = 50;
/** The most rows of one list read at once. */
export const MAX_SLICE = 5_000;

export async function disruptionReport(
  runner: QueryRunner,
  loadEntities: (ids: readonly string[]) => Promise<Array<EntityRow | null>>,
  remove: readonly string[],
  filter: SupplyRiskFilter,
  asOf: string | null,
): Promise<DisruptionReportRow> {
  if (remove.length === 0 || remove.length > MAX_REMOVED) {
    throw new BadUserInputError('remove', `'remove' must name 1 to ${MAX_REMOVED} entities, got ${remove.length}`);
  }
  const ids = [...new Set(remove)];
  const entities = await loadEntities(ids);
  const removed = entities.map((entity, i) => {
    if (entity === null) throw new BadUserInputError('remove', `'remove': there is no entity "${ids[i]}"`);
    if (entity.kind !== 'Country' && entity.kind !== 'Company') {
      throw new BadUserInputError(
        'remove',
        `'remove' takes countries and companies; "${entity.id}" is a ${entity.kind}`,
      );
    }
    return entity;
  });
  const removal = {
    companies: removed.filter((e) => e.kind === 'Company').map((e) => e.id),
    countries: removed.filter((e) => e.kind === 'Country').map((e) => e.id),
  };
  return { removed, removal, filter, asOf, classification: await classifyDisruption(runner, removal, filter, asOf) };
}

/** The rows left with no supplier. */
export const withoutSupplier = (report: DisruptionReportRow): AffectedRow[] =>
  report.classification.affected.filter((a) => a.after === 0);

/** The rows left with exactly one supplier. */
export const withOneSupplier = (report: DisruptionReportRow): AffectedRow[] =>
  report.classification.affected.filter((a) => a.after === 1);

function sliceOf<T>(rows: readonly T[], slice: Slice): T[] {
  return rows.slice(slice.offset, slice.offset + slice.first);
}

/** A slice of the affected rows, before and after. */
export async function affectedSlice(
  runner: QueryRunner,
  report: DisruptionReportRow,
  slice: Slice,
  read: RowParts,
): Promise<SupplyRiskChangeRow[]> {
  const ids = sliceOf(report.classification.affected, slice).map((a) => a.id);
  const { before, after } = await disruptionRows(runner, report.classification.removedCompanies, report.filter, ids, {
    asOf: report.asOf,
    read,
    which: { before: true, after: true },
  });
  return ids.flatMap((id) => {
    const row = before.get(id);
    return row ? [{ material: row.material, before: row, after: after.get(id) ?? null }] : [];
  });
}

/** A slice of the rows left with no supplier: their concentration before. */
export async function withoutSupplierSlice(
  runner: QueryRunner,
  report: DisruptionReportRow,
  slice: Slice,
  read: RowParts,
): Promise<SupplyRiskRow[]> {
  const ids = sliceOf(withoutSupplier(report), slice).map((a) => a.id);
  const { before } = await disruptionRows(runner, report.classification.removedCompanies, report.filter, ids, {
    asOf: report.asOf,
    read,
    which: { before: true, after: false },
  });
  return ids.flatMap((id) => before.get(id) ?? []);
}

/** A slice of the rows left with exactly one supplier: their concentration after. */
export async function withOneSupplierSlice(
  runner: QueryRunner,
  report: DisruptionReportRow,
  slice: Slice,
  read: RowParts,
): Promise<SupplyRiskRow[]> {
  const ids = sliceOf(withOneSupplier(report), slice).map((a) => a.id);
  const { after } = await disruptionRows(runner, report.classification.removedCompanies, report.filter, ids, {
    asOf: report.asOf,
    read,
    which: { before: false, after: true },
  });
  return ids.flatMap((id) => after.get(id) ?? []);
}

/** A slice of the removed links, with their citations. */
export function removedLinksSlice(
  runner: QueryRunner,
  report: DisruptionReportRow,
  slice: Slice,
): Promise<RelationshipRow[]> {
  if (slice.first === 0) return Promise.resolve([]);
  return findRemovedLinks(runner, report.removal, report.filter, report.asOf, {
    offset: slice.offset,
    limit: slice.first,
  });
}
