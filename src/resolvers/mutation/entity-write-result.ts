/** Internal: an EntityWriteResult from a curated write's outcome: the entity as stored now (its first touched id). */
import type { RequestContext } from '../../context.ts';
import type { CuratedWriteOutcome } from '../../curation/run-curated-write.ts';
import { AppError, ErrorCode } from '../../errors.ts';

export async function entityWriteResult(outcome: CuratedWriteOutcome, context: RequestContext) {
  const id = outcome.audit.touched[0] ?? '';
  const entity = await context.entities.clear(id).load(id);
  if (entity === null) throw new AppError(ErrorCode.NOT_FOUND, `the entity ${id} no longer exists`);
  return { ...outcome, entity };
}
