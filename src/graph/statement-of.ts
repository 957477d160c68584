/**
 * Internal: the statement a map of prepared statements holds for `key`. The maps are built at load time for every
 * key their callers can form, so a miss is a programming error, raised here rather than run as an empty statement.
 */
export function statementOf(statements: ReadonlyMap<string, string>, key: string): string {
  const statement = statements.get(key);
  if (statement === undefined) throw new Error(`no prepared statement for ${JSON.stringify(key)}`);
  return statement;
}
