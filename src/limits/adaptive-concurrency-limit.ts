/**
 * Internal: how many expensive operations may run at once, learnt from their latency (a delay-based limit in the
 * manner of TCP Vegas and Netflix's concurrency-limits VegasLimit).
 *
 * Each finished operation reports its run time (from its admission to its end, queueing excluded). A short moving
 * average of run times is compared with the lowest such average seen, the no-load time: when operations take
 * longer than alone, the extra is queueing inside the server and the database, and
 * `limit x (1 - noLoad / recent)` estimates how many operations are waiting there rather than working. Below
 * `alpha` the limit grows by one per `limit` completions (additive increase, and only while the limit is in use);
 * above `beta` it shrinks as fast; an operation that ran out of time (a drop) halves it (multiplicative decrease).
 * So the limit settles about one operation above what the machine runs in parallel without slowing down: 1-2 on a
 * 2-core machine shared with Neo4j, more where Neo4j has cores of its own.
 *
 * The no-load time is re-measured every `probeEvery` completions (it restarts from the recent average), so a
 * machine that became slower or faster for good is learnt again rather than remembered.
 *
 * Why not Gradient2 (the other delay-based limit of concurrency-limits): its steady growth term assumes limits in
 * the tens or hundreds; at the limits of 1 to 8 that suit expensive graph reads it drifts to the maximum.
 */

export interface AdaptiveConcurrencyOptions {
  /** The limit never goes below this (at least 1). */
  min: number;
  /** Nor above this. */
  max: number;
  /** Where it starts (min when omitted). */
  initial?: number;
  /** Estimated operations queued inside the server below which the limit grows (0.5). */
  alpha?: number;
  /** And above which it shrinks (1). */
  beta?: number;
  /** Weight of the newest run time in the recent average (0.2, about the last 10 operations). */
  smoothing?: number;
  /** Completions between re-measurements of the no-load time, times the limit (100). */
  probeEvery?: number;
}

export class AdaptiveConcurrencyLimit {
  private estimate: number;
  private recentMs: number | undefined;
  private noLoadMs: number | undefined;
  private sinceProbe = 0;
  private readonly min: number;
  private readonly max: number;
  private readonly alpha: number;
  private readonly beta: number;
  private readonly smoothing: number;
  private readonly probeEvery: number;

  constructor(options: AdaptiveConcurrencyOptions) {
    this.min = Math.max(1, Math.floor(options.min));
    this.max = Math.max(this.min, Math.floor(options.max));
    this.estimate = clamp(options.initial ?? this.min, this.min, this.max);
    this.alpha = options.alpha ?? 0.5;
    this.beta = options.beta ?? 1;
    this.smoothing = options.smoothing ?? 0.2;
    this.probeEvery = options.probeEvery ?? 100;
  }

  /** Operations that may run at once now: a whole number from min to max. */
  get limit(): number {
    return Math.floor(this.estimate);
  }

  /** The no-load run time and the recent average (ms), undefined before the first sample. */
  get runTimes(): { noLoadMs: number | undefined; recentMs: number | undefined } {
    return { noLoadMs: this.noLoadMs, recentMs: this.recentMs };
  }

  /**
   * One operation finished after `runMs`, with `inflight` operations running at its start (itself included);
   * `dropped` when it ran out of time (its budget, or the database's timeout).
   */
  record(runMs: number, inflight: number, dropped = false): void {
    if (dropped) {
      this.estimate = clamp(this.estimate / 2, this.min, this.max);
      return;
    }
    if (!Number.isFinite(runMs) || runMs < 0) return;
    this.recentMs = this.recentMs === undefined ? runMs : this.recentMs + this.smoothing * (runMs - this.recentMs);
    this.sinceProbe += 1;
    if (this.noLoadMs === undefined || this.sinceProbe >= this.probeEvery * this.limit) {
      this.noLoadMs = this.recentMs;
      this.sinceProbe = 0;
    } else {
      this.noLoadMs = Math.min(this.noLoadMs, this.recentMs);
    }
    const queued = this.recentMs > 0 ? this.estimate * (1 - this.noLoadMs / this.recentMs) : 0;
    if (queued < this.alpha) {
      // Grow only while the limit is used: an idle limit says nothing about capacity.
      if (inflight >= this.limit) this.estimate = clamp(this.estimate + 1 / this.estimate, this.min, this.max);
    } else if (queued > this.beta) {
      this.estimate = clamp(this.estimate - 1 / this.estimate, this.min, this.max);
    }
  }
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
