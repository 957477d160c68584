/** Query.documents: the source documents the graph cites, by title. */
import type { RequestContext } from '../../context.ts';
import { toDocumentRow } from '../../graph/rows.ts';

/** Returns: every document without its text. */
const DOCUMENTS = `
MATCH (d:Document)
RETURN d {.id, .title, .author, .publisher, .date, .url, .license} AS props
ORDER BY d.title`;

export async function documents(_parent: unknown, _args: unknown, { runner }: RequestContext) {
  const rows = await runner.read<{ props: Record<string, unknown> }>('documents', DOCUMENTS);
  return rows.map((r) => toDocumentRow(r.props));
}
