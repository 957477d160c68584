/**
 * Internal: the change feed of one server process. One poll of the audit log in Neo4j, every `pollIntervalMs`
 * while anyone subscribes, serves every subscriber of the process; each subscriber filters what it is given. Since
 * the feed reads the log that every replica shares (not an event of this process), every replica behind a load
 * balancer delivers every change, and a subscriber can resume after any change it saw.
 *
 * Order: the log is read by the graph version each write produced, which follows commit order
 * (src/store/graph-version.ts), so a change never appears after a later one, and a poll that sees a version has
 * seen every lower one.
 *
 * A subscriber resuming from an earlier change (`after:`) first catches up from the log itself, a page at a time as
 * it consumes, up to what the poll has read, then takes the poll's changes. One that falls more than
 * `maxQueued` changes behind drops its queue and catches up the same way, so a slow client costs a bounded queue.
 */
import type { Logger } from 'pino';
import type { QueryRunner } from '../db/query-runner.ts';
import { readEntriesAfter, readNewestVersion } from '../graph/change-feed.ts';
import type { Vocabulary } from '../model/vocabulary.ts';
import { passesFilter, toGraphChange, type ChangeFilter, type GraphChangeRow } from './graph-change.ts';

export interface ChangeFeedOptions {
  /** How often the log is read while anyone subscribes. */
  pollIntervalMs: number;
  /** Entries read per statement. */
  pageSize: number;
  /** Changes queued for one subscriber before it catches up from the log instead. */
  maxQueued: number;
}

const DEFAULT_CHANGE_FEED_OPTIONS: ChangeFeedOptions = { pollIntervalMs: 500, pageSize: 100, maxQueued: 1_000 };

export class ChangeFeed {
  readonly #runner: QueryRunner;
  readonly #vocabulary: Vocabulary;
  readonly #options: ChangeFeedOptions;
  readonly #logger: Logger;
  readonly #subscribers = new Set<FeedSubscriber>();
  /** Reads where the log ends when the first subscriber comes; undefined while nobody subscribes. */
  #started: Promise<void> | undefined;
  /** The newest graph version the poll has read. */
  #head = 0;
  #timer: NodeJS.Timeout | undefined;
  /** Counts the times the feed went idle, so a poll in flight when it did leaves the next head alone. */
  #idleCount = 0;

  constructor(runner: QueryRunner, vocabulary: Vocabulary, logger: Logger, options: Partial<ChangeFeedOptions> = {}) {
    this.#runner = runner;
    this.#vocabulary = vocabulary;
    this.#logger = logger;
    this.#options = { ...DEFAULT_CHANGE_FEED_OPTIONS, ...options };
  }

  /** How many subscriptions are open in this process. */
  get size(): number {
    return this.#subscribers.size;
  }

  /**
   * The changes after graph version `afterVersion` (null: from now on) that pass `filter`, in order, until the
   * iterator is returned.
   */
  async subscribe(filter: ChangeFilter, afterVersion: number | null): Promise<AsyncIterableIterator<GraphChangeRow>> {
    if (this.#started === undefined) {
      const idleCount = this.#idleCount;
      this.#started = readNewestVersion(this.#runner).then((head) => {
        if (this.#idleCount === idleCount) this.#head = head;
      });
      this.#started.catch(() => {
        this.#started = undefined;
      });
    }
    await this.#started;
    // Registered in the same turn as the head is read, so the poll's next offer starts right after it.
    const head = this.#head;
    const subscriber = new FeedSubscriber(this, filter, afterVersion ?? head, head, (s) => this.#remove(s));
    this.#subscribers.add(subscriber);
    this.#schedule();
    return subscriber;
  }

  /** Ends every subscription (their clients are told the subscription completed) and stops polling. */
  stop(): void {
    for (const subscriber of [...this.#subscribers]) subscriber.close();
  }

  /** At most a page of changes after `afterVersion`, as stored (unfiltered). */
  async readAfter(afterVersion: number): Promise<{ changes: GraphChangeRow[]; full: boolean }> {
    const entries = await readEntriesAfter(this.#runner, afterVersion, this.#options.pageSize);
    return {
      changes: entries.map((entry) => toGraphChange(entry, this.#vocabulary)),
      full: entries.length === this.#options.pageSize,
    };
  }

  get maxQueued(): number {
    return this.#options.maxQueued;
  }

  #remove(subscriber: FeedSubscriber): void {
    this.#subscribers.delete(subscriber);
    if (this.#subscribers.size === 0) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#started = undefined;
      this.#idleCount += 1;
    }
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#subscribers.size === 0) return;
    const timer = setTimeout(() => {
      this.#poll().finally(() => {
        // Unless the feed went idle meanwhile (and perhaps started again with a timer of its own).
        if (this.#timer !== timer) return;
        this.#timer = undefined;
        this.#schedule();
      });
    }, this.#options.pollIntervalMs);
    timer.unref();
    this.#timer = timer;
  }

  /** Reads what the log gained since the last poll, a page at a time, and offers it to every subscriber. */
  async #poll(): Promise<void> {
    const idleCount = this.#idleCount;
    try {
      await this.#started;
      let head = this.#head;
      for (;;) {
        const { changes, full } = await this.readAfter(head);
        const last = changes.at(-1);
        if (!last) return;
        head = last.graphVersion;
        // The feed went idle meanwhile: the next subscriber reads the head afresh.
        if (this.#idleCount !== idleCount) return;
        this.#head = head;
        for (const subscriber of this.#subscribers) subscriber.offer(changes, head);
        if (!full) return;
      }
    } catch (error) {
      // The database is out of reach: subscribers wait; the next poll reads on from the same place.
      this.#logger.warn({ err: error }, 'the change feed could not read the audit log');
    }
  }
}

/** One subscription: an async iterator over the changes it is due, in order. */
class FeedSubscriber implements AsyncIterableIterator<GraphChangeRow> {
  readonly #feed: ChangeFeed;
  readonly #filter: ChangeFilter;
  readonly #onClose: (subscriber: FeedSubscriber) => void;
  /** Changes ready to hand out. */
  #queue: GraphChangeRow[] = [];
  /** The graph version of the last change handed out (or the position the subscription started from). */
  #delivered: number;
  /** Everything up to this version is in the queue or was handed out or filtered away. */
  #taken: number;
  /** While catching up from the log: the version to catch up to (the poll's head); null once live. */
  #catchUpTo: number | null;
  #wake: (() => void) | undefined;
  #closed = false;

  constructor(
    feed: ChangeFeed,
    filter: ChangeFilter,
    from: number,
    head: number,
    onClose: (subscriber: FeedSubscriber) => void,
  ) {
    this.#feed = feed;
    this.#filter = filter;
    this.#onClose = onClose;
    this.#delivered = from;
    this.#taken = from;
    this.#catchUpTo = from < head ? head : null;
  }

  /** The poll read `changes`, up to version `head`. */
  offer(changes: readonly GraphChangeRow[], head: number): void {
    if (this.#closed) return;
    if (this.#catchUpTo !== null) {
      this.#catchUpTo = head;
      return;
    }
    for (const change of changes) {
      if (change.graphVersion > this.#taken && passesFilter(change, this.#filter)) this.#queue.push(change);
    }
    this.#taken = Math.max(this.#taken, head);
    if (this.#queue.length > this.#feed.maxQueued) {
      // Too far behind to queue: catch up from the log, from the last change handed out.
      this.#queue = [];
      this.#taken = this.#delivered;
      this.#catchUpTo = head;
    }
    this.#wake?.();
  }

  async next(): Promise<IteratorResult<GraphChangeRow>> {
    for (;;) {
      if (this.#closed) return { done: true, value: undefined };
      const change = this.#queue.shift();
      if (change) {
        this.#delivered = change.graphVersion;
        return { done: false, value: change };
      }
      if (this.#catchUpTo !== null) {
        await this.#catchUp(this.#catchUpTo);
        continue;
      }
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
      this.#wake = undefined;
    }
  }

  /** Reads the next page of the log up to `end`; live again once there. */
  async #catchUp(end: number): Promise<void> {
    const { changes } = await this.#feed.readAfter(this.#taken);
    const within = changes.filter((change) => change.graphVersion <= end);
    for (const change of within) if (passesFilter(change, this.#filter)) this.#queue.push(change);
    this.#taken = within.at(-1)?.graphVersion ?? end;
    // The poll may have moved the end on meanwhile (offer); live once the log is read up to it.
    if (this.#taken >= (this.#catchUpTo ?? end)) {
      this.#taken = Math.max(this.#taken, this.#catchUpTo ?? end);
      this.#catchUpTo = null;
    }
  }

  async return(): Promise<IteratorResult<GraphChangeRow>> {
    this.close();
    return { done: true, value: undefined };
  }

  async throw(error?: unknown): Promise<IteratorResult<GraphChangeRow>> {
    this.close();
    throw error;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#queue = [];
    this.#wake?.();
    this.#onClose(this);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<GraphChangeRow> {
    return this;
  }
}
