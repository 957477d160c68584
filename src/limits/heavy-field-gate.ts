/**
 * Internal: bounded concurrency for the expensive fields (those schema.graphql marks `@heavy`), so that cheap
 * queries stay fast while expensive ones run. At most `heavyConcurrency` of these fields resolve at once, server-wide, and one request's fields take
 * turns; up to `heavyQueue` more wait in order (p-limit's queue); past that, or when a field's operation runs out of
 * time while waiting, it fails at once: SERVER_BUSY (HTTP 503 with Retry-After) or LIMIT_EXCEEDED naming the time
 * budget.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import { ServerBusyError } from '../errors.ts';
import type { RequestLimits } from '../request-limits.ts';
import type { RequestBudget } from './request-budget.ts';
import { getOrCreate } from '../get-or-create.ts';

export class HeavyFieldGate {
  private readonly limit: LimitFunction;

  constructor(private readonly limits: Pick<RequestLimits, 'heavyConcurrency' | 'heavyQueue' | 'retryAfterSeconds'>) {
    this.limit = pLimit(limits.heavyConcurrency);
  }

  /** Fields resolving now, and fields waiting for a slot. */
  get load(): { running: number; waiting: number } {
    return { running: this.limit.activeCount, waiting: this.limit.pendingCount };
  }

  /** Runs `work` in a slot; `field` names it in the SERVER_BUSY message; `budget` bounds the wait. */
  async run<T>(field: string, work: () => Promise<T>, budget?: RequestBudget): Promise<T> {
    const { heavyConcurrency, heavyQueue, retryAfterSeconds } = this.limits;
    if (this.limit.activeCount >= heavyConcurrency && this.limit.pendingCount >= heavyQueue) {
      throw new ServerBusyError(
        `The server is busy: ${heavyConcurrency} expensive fields are running and ${heavyQueue} waiting, so ` +
          `'${field}' was not started; retry after ${retryAfterSeconds} s.`,
        retryAfterSeconds,
      );
    }
    if (!budget) return this.limit(work);

    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    // A field whose operation ran out of time while it waited gives its slot straight back.
    const slot = this.limit(async () => {
      if (timedOut) throw budget.timeExceeded();
      return work();
    });
    const outOfTime = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => {
          timedOut = true;
          reject(budget.timeExceeded());
        },
        Math.max(0, budget.remainingMs()),
      );
    });
    try {
      return await Promise.race([slot, outOfTime]);
    } finally {
      clearTimeout(timer);
      slot.catch(() => undefined);
    }
  }
}

type FieldResolver = (parent: unknown, args: unknown, context: { budget?: RequestBudget }, info: unknown) => unknown;

/**
 * `resolvers` with each field of `heavy` (by type name) that is a function resolved through `gate`. The heavy fields of one
 * request take their turns one after another, so a request holds at most one place (running or waiting) in the
 * gate: an operation with many expensive fields (within its cost budget) is slower, not refused because its own
 * fields filled the queue, and the queue counts the requests waiting.
 */
export function gateHeavyFields<R extends object>(
  resolvers: R,
  gate: HeavyFieldGate,
  heavy: Readonly<Record<string, readonly string[]>>,
): R {
  const turns = new WeakMap<object, LimitFunction>();
  const turnOf = (context: object): LimitFunction => getOrCreate(turns, context, () => pLimit(1));
  const gatedResolvers: Record<string, unknown> = { ...(resolvers as Record<string, unknown>) };
  for (const [typeName, fields] of Object.entries(heavy)) {
    const typeResolvers = { ...(gatedResolvers[typeName] as Record<string, unknown> | undefined) };
    for (const field of fields) {
      const resolve = typeResolvers[field];
      if (typeof resolve !== 'function') continue;
      const name = typeName === 'Query' ? field : `${typeName}.${field}`;
      const gated: FieldResolver = (parent, args, context, info) =>
        turnOf(context)(() =>
          gate.run(name, async () => (resolve as FieldResolver)(parent, args, context, info), context.budget),
        );
      typeResolvers[field] = gated;
    }
    gatedResolvers[typeName] = typeResolvers;
  }
  return gatedResolvers as R;
}
