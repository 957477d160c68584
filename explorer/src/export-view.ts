/**
 * Exports of the current view: the server's /export/{format} files for the visible node ids at the view's date,
 * a PNG drawn from Sigma's canvases in the browser, and a GraphiQL link with the query that drew the view.
 */
import { downloadAsPNG } from '@sigma/export-image';
import type Sigma from 'sigma';

export const EXPORT_FORMATS = ['cytoscape', 'graphology', 'gexf', 'graphml', 'node-link', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

function fileNameFrom(disposition: string | null, fallback: string): string {
  const match = disposition === null ? null : /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match?.[1] !== undefined ? decodeURIComponent(match[1]) : fallback;
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * POST /export/{format} with {"ids": [...], "asOf": ...} (POST, as a 500-node id list is too long for a URL), and
 * saves the answer under the name its Content-Disposition gives.
 */
export async function exportFile(format: ExportFormat, ids: readonly string[], asOf: string | null): Promise<void> {
  const response = await fetch(`/export/${format}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(asOf === null ? { ids } : { ids, asOf }),
  });
  if (!response.ok) throw new Error(`Export as ${format} failed: HTTP ${response.status}`);
  save(await response.blob(), fileNameFrom(response.headers.get('content-disposition'), `graph.${format}`));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the typed renderer is a Sigma of any attributes.
export async function exportPng(renderer: Sigma<any, any>, name: string): Promise<void> {
  await downloadAsPNG(renderer, { fileName: name, backgroundColor: '#ffffff' });
}

export function graphiqlUrl(query: string, variables: Record<string, unknown>): string {
  const params = new URLSearchParams({ query, variables: JSON.stringify(variables, null, 2) });
  return `/graphiql?${params.toString()}`;
}
