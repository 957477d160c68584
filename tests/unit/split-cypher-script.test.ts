/** cypher/schema.cypher is split into statements: `;` at a line's end ends one; `//` lines are comments. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GRAPH_SCHEMA_FILE, splitCypherScript } from '../../src/db/apply-schema.ts';

describe('splitCypherScript', () => {
  it('splits at a semicolon that ends a line, drops comment lines and blank statements', () => {
    const script = ['// a comment', 'CREATE INDEX a', 'FOR (n:A) ON (n.x);', '', '// another;', 'RETURN "a;b";', ';'];
    expect(splitCypherScript(script.join('\n'))).toEqual(['CREATE INDEX a\nFOR (n:A) ON (n.x)', 'RETURN "a;b"']);
  });

  it('gives one statement per CREATE in the graph schema', () => {
    const text = readFileSync(GRAPH_SCHEMA_FILE, 'utf8');
    const statements = splitCypherScript(text);
    expect(statements.length).toBe(text.match(/^CREATE /gm)?.length);
    expect(statements.every((s) => s.startsWith('CREATE ') && s.includes('IF NOT EXISTS'))).toBe(true);
  });
});
