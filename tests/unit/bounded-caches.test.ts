import { describe, expect, it } from 'vitest';
import { statementFor, treeStatementCacheSize, TREE_STATEMENT_CACHE_SIZE } from '../../src/graph/related-tree.ts';

describe('Bounded state: statement texts keyed by selection shapes', () => {
  it('holds at most TREE_STATEMENT_CACHE_SIZE texts however many shapes clients send', () => {
    let built = 0;
    for (let i = 0; i < TREE_STATEMENT_CACHE_SIZE * 3; i += 1) {
      statementFor(`shape ${i}`, () => {
        built += 1;
        return `MATCH (n) RETURN ${i}`;
      });
    }
    expect(built).toBe(TREE_STATEMENT_CACHE_SIZE * 3);
    expect(treeStatementCacheSize()).toBe(TREE_STATEMENT_CACHE_SIZE);
  });

  it('builds a recently used shape once', () => {
    let built = 0;
    const build = () => {
      built += 1;
      return 'RETURN 1';
    };
    statementFor('recent', build);
    statementFor('recent', build);
    expect(built).toBe(1);
  });
});
