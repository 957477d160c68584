/**
 * Internal: Query.disruption's answer: which countries and companies were removed, and what that breaks
 * (src/graph/disruption.ts). The removed entities are checked first: each must exist and be a Country or a
 * Company, else BAD_USER_INPUT names the `remove` entry.
 */
import { BadUserInputError } from '../errors.ts';
import { findDisruption, type DisruptionReport } from '../graph/disruption.ts';
import type { EntityRow } from '../graph/rows.ts';
import type { RowParts, SupplyRiskFilter } from '../graph/supply-risk.ts';
import type { QueryRunner } from '../db/query-runner.ts';

export interface DisruptionReportRow extends DisruptionReport {
  removed: EntityRow[];
}

/** The most entities one disruption removes. */
const MAX_REMOVED = 50;

export async function disruptionReport(
  runner: QueryRunner,
  loadEntities: (ids: readonly string[]) => Promise<Array<EntityRow | null>>,
  remove: readonly string[],
  filter: SupplyRiskFilter,
  options: { asOf: string | null; read: RowParts },
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
  return { removed, ...(await findDisruption(runner, removal, filter, options)) };
}
