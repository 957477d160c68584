/**
 * Undo and redo of the network's expansions: each entry is the list of expanded node ids before a change. A new
 * centre starts a new history.
 */
export class ExpansionHistory {
  private past: string[][] = [];
  private future: string[][] = [];

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Records the expansions as they were before a change; a new change forgets what could be redone. */
  record(before: readonly string[]): void {
    this.past.push([...before]);
    this.future = [];
  }

  /** The expansions to go back to, given the current ones; null when there is nothing to undo. */
  undo(current: readonly string[]): string[] | null {
    const previous = this.past.pop();
    if (previous === undefined) return null;
    this.future.push([...current]);
    return previous;
  }

  redo(current: readonly string[]): string[] | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push([...current]);
    return next;
  }

  clear(): void {
    this.past = [];
    this.future = [];
  }
}
