/**
 * Internal: a queue that serves its clients in turn (round-robin by client key), each client's items in the order
 * they came. A client with many items waiting gets one turn per round like any other, so one client cannot hold
 * the head of the queue.
 */
export class FairQueue<T> {
  /** Each waiting client's items, in arrival order; a Map keeps the clients in turn order. */
  private readonly byClient = new Map<string, T[]>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Clients with at least one item waiting. */
  get clients(): number {
    return this.byClient.size;
  }

  push(client: string, item: T): void {
    const items = this.byClient.get(client);
    if (items) items.push(item);
    else this.byClient.set(client, [item]);
    this.count += 1;
  }

  /** The next item: the first of the client whose turn it is; that client then goes to the back of the round. */
  shift(): T | undefined {
    for (const [client, items] of this.byClient) {
      const item = items.shift();
      this.byClient.delete(client);
      if (items.length > 0) this.byClient.set(client, items);
      if (item !== undefined) {
        this.count -= 1;
        return item;
      }
    }
    return undefined;
  }

  /** Takes `item` out (it gave up waiting); false when it was not waiting. */
  remove(client: string, item: T): boolean {
    const items = this.byClient.get(client);
    const index = items?.indexOf(item) ?? -1;
    if (!items || index < 0) return false;
    items.splice(index, 1);
    if (items.length === 0) this.byClient.delete(client);
    this.count -= 1;
    return true;
  }

  /**
   * How many waiting items would be served before one `client` adds now: its own waiting items, and from every
   * other client as many as rounds pass before the new item's turn (its own count plus one, or all they have).
   */
  servedBefore(client: string): number {
    const own = this.byClient.get(client)?.length ?? 0;
    let ahead = own;
    for (const [other, items] of this.byClient) {
      if (other !== client) ahead += Math.min(items.length, own + 1);
    }
    return ahead;
  }
}
