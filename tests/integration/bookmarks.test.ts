/**
 * Causal consistency within a process (src/db/query-runner.ts): every session of a runner shares one bookmark
 * manager, so each committed write leaves its bookmark there for the reads that follow (on a cluster, a follower
 * waits for it before answering).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { openTestDatabase } from '../helpers/test-neo4j.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

describe('bookmarks', () => {
  it('each committed write leaves a new bookmark that the next read carries', async () => {
    const write = () =>
      db.runner.write(
        'bookmark-test',
        'MERGE (m:BookmarkProbe {id: 1}) SET m.n = coalesce(m.n, 0) + 1 RETURN m.n AS n',
      );
    await write();
    const first = await db.runner.bookmarks!();
    expect(first.length).toBeGreaterThan(0);
    await write();
    const second = await db.runner.bookmarks!();
    expect(second).not.toEqual(first);
    // A read with the bookmark of the write sees it.
    const [row] = await db.runner.read<{ n: number }>(
      'bookmark-test',
      'MATCH (m:BookmarkProbe {id: 1}) RETURN m.n AS n',
    );
    expect(row?.n).toBeGreaterThanOrEqual(2);
    await db.runner.write('bookmark-test', 'MATCH (m:BookmarkProbe) DELETE m');
  });
});
