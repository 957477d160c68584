/**
 * Internal: admission by cost. An operation whose estimated cost (src/limits/cost-model.ts) reaches
 * `heavyCostThreshold` is heavy: it runs only while fewer than the adaptive limit (adaptive-concurrency-limit.ts)
 * of heavy operations run, server-wide; cheap operations are never held. A heavy operation that finds every place
 * taken waits in a fair queue (fair-queue.ts, in turn by client) for as long as its time budget allows:
 *
 * - on arrival it is shed at once when its estimated wait (the operations served before it, times the mean run
 *   time, over the limit) plus its expected run time is more than the time its budget has left;
 * - while it waits it is shed when that moment comes (what is left would not cover its expected run time);
 * - `heavyQueueMax` bounds the waiting operations whatever their budgets (memory).
 *
 * Shed means SERVER_BUSY: HTTP 503 with Retry-After, naming the estimated wait and the time left; Retry-After is
 * the configured one, or for an arrival shed the time by which its estimated wait exceeds its budget if longer (a
 * client that honours it comes back when the queue should have room, not to be shed again). An operation
 * admitted holds its place until its permit is released, and its run time teaches the limit.
 */
import { ServerBusyError } from '../errors.ts';
import type { RequestLimits } from '../request-limits.ts';
import { AdaptiveConcurrencyLimit } from './adaptive-concurrency-limit.ts';
import { FairQueue } from './fair-queue.ts';
import type { RequestBudget } from './request-budget.ts';

export type AdmissionLimits = Pick<
  RequestLimits,
  'heavyCostThreshold' | 'heavyConcurrencyMax' | 'heavyQueueMax' | 'retryAfterSeconds'
>;

/** What admission needs to know of an operation. */
export interface AdmissionRequest {
  /** Named in the SERVER_BUSY message ('neighborhood', 'export'). */
  name: string;
  /** Its estimated cost; undefined: heavy whatever it is (an export, bounded by its caps, not estimated). */
  cost?: number;
  /** Its time budget, which bounds its wait, and the client it is charged to (fair queueing). */
  budget?: RequestBudget;
}

/** A place among the heavy operations (or none, for a cheap one); release it once, when the operation ends. */
export interface Permit {
  /** `dropped`: the operation ran out of time (it teaches the limit to back off). */
  release(dropped?: boolean): void;
}

export interface AdmissionLoad {
  /** Heavy operations that may run at once now (the adaptive limit). */
  limit: number;
  running: number;
  queued: number;
  /** Heavy operations shed since start. */
  shed: number;
  /** Heavy operations admitted since start (at once or after waiting). */
  admitted: number;
}

interface Waiter {
  client: string;
  grant: () => void;
}

const NO_PERMIT: Permit = { release: () => {} };
/** The client of an operation without a budget (benchmarks, tests): all such share one turn. */
const UNKNOWN_CLIENT = 'unknown';

export class AdmissionControl {
  readonly limiter: AdaptiveConcurrencyLimit;
  private readonly queue = new FairQueue<Waiter>();
  private running = 0;
  private shedCount = 0;
  private admittedCount = 0;
  /** Mean run time of a heavy operation (ms), for the wait estimate; undefined before the first. */
  private meanRunMs: number | undefined;

  constructor(private readonly limits: AdmissionLimits) {
    this.limiter = new AdaptiveConcurrencyLimit({ min: 1, max: limits.heavyConcurrencyMax });
  }

  get load(): AdmissionLoad {
    return {
      limit: this.limiter.limit,
      running: this.running,
      queued: this.queue.size,
      shed: this.shedCount,
      admitted: this.admittedCount,
    };
  }

  /** Whether an operation of this cost is heavy. */
  isHeavy(cost: number | undefined): boolean {
    return cost === undefined || cost >= this.limits.heavyCostThreshold;
  }

  /**
   * A permit for the operation: at once for a cheap one or when a place is free, after its turn in the queue
   * otherwise. Rejects with SERVER_BUSY when the operation is shed.
   */
  async admit(request: AdmissionRequest): Promise<Permit> {
    if (!this.isHeavy(request.cost)) return NO_PERMIT;
    if (this.running < this.limiter.limit && this.queue.size === 0) return this.start();

    const client = request.budget?.client ?? UNKNOWN_CLIENT;
    const remainingMs = request.budget?.remainingMs() ?? Infinity;
    const runMs = this.meanRunMs ?? 0;
    const waitMs = ((this.queue.servedBefore(client) + 1) * runMs) / this.limiter.limit;
    if (this.queue.size >= this.limits.heavyQueueMax) {
      throw this.shed(request.name, `${this.queue.size} heavy operations are waiting, the most the queue holds`);
    }
    if (waitMs + runMs > remainingMs) {
      throw this.shed(
        request.name,
        `its estimated wait of ${Math.round(waitMs)} ms and run of ${Math.round(runMs)} ms exceed the ` +
          `${Math.max(0, Math.round(remainingMs))} ms left of its time budget`,
        // Come back when the queue ahead should have shrunk enough for the budget.
        Math.ceil((waitMs + runMs - remainingMs) / 1000),
      );
    }

    return new Promise<Permit>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const waiter: Waiter = {
        client,
        grant: () => {
          clearTimeout(timer);
          resolve(this.start());
        },
      };
      this.queue.push(client, waiter);
      if (Number.isFinite(remainingMs)) {
        // Its turn would come too late to finish: give up waiting when what is left no longer covers a run.
        timer = setTimeout(
          () => {
            if (!this.queue.remove(client, waiter)) return;
            reject(
              this.shed(
                request.name,
                `it waited until its time budget had less left than a run takes (${Math.round(this.meanRunMs ?? 0)} ms)`,
              ),
            );
          },
          Math.max(0, remainingMs - runMs),
        );
      }
    });
  }

  /** Runs `work` as an operation of `request` (admitted, then released when it settles). */
  async run<T>(request: AdmissionRequest, work: () => Promise<T>): Promise<T> {
    const permit = await this.admit(request);
    let dropped = false;
    try {
      return await work();
    } catch (error) {
      dropped = request.budget !== undefined && request.budget.remainingMs() <= 0;
      throw error;
    } finally {
      permit.release(dropped);
    }
  }

  private start(): Permit {
    this.running += 1;
    this.admittedCount += 1;
    const inflight = this.running;
    const startedAt = performance.now();
    let released = false;
    return {
      release: (dropped = false) => {
        if (released) return;
        released = true;
        this.running -= 1;
        const runMs = performance.now() - startedAt;
        this.limiter.record(runMs, inflight, dropped);
        this.meanRunMs = this.meanRunMs === undefined ? runMs : this.meanRunMs + 0.1 * (runMs - this.meanRunMs);
        this.startWaiting();
      },
    };
  }

  /** Grants places to waiting operations, in turn, while the limit allows. */
  private startWaiting(): void {
    while (this.running < this.limiter.limit) {
      const next = this.queue.shift();
      if (!next) return;
      next.grant();
    }
  }

  /** SERVER_BUSY, asking to retry after `retryAfterSeconds` (configured) or `laterSeconds` if later. */
  private shed(name: string, reason: string, laterSeconds = 0): ServerBusyError {
    this.shedCount += 1;
    const retryAfterSeconds = Math.max(this.limits.retryAfterSeconds, laterSeconds);
    return new ServerBusyError(
      `The server is busy: '${name}' is an expensive operation and ${reason}, so it was not started; retry after ` +
        `${retryAfterSeconds} s.`,
      retryAfterSeconds,
    );
  }
}
