/**
 * Exports of the current view: the server's /export/{format} files for the visible node ids at the view's date,
 * a PNG drawn from Sigma's canvases in the browser (with a title, the date and the legend of the kinds drawn), and
 * a GraphiQL link with the query that drew the view.
 */
import { drawOnCanvas } from '@sigma/export-image';
import type Sigma from 'sigma';
import { withViewLayout, type DrawnNode } from './view-layout-export.ts';

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
 * POST /export/{format} with {"ids": [...], "asOf": ...} (POST, as a 500-node id list is too long for a URL), the
 * drawn layout written into the answer (view-layout-export.ts), saved as `fileName` with the server's extension
 * (CSV: the server's zip of two files, as it is).
 */
export async function exportFile(
  format: ExportFormat,
  ids: readonly string[],
  asOf: string | null,
  view: { fileName: string; drawn: ReadonlyMap<string, DrawnNode> },
): Promise<void> {
  const response = await fetch(`/export/${format}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(asOf === null ? { ids } : { ids, asOf }),
  });
  if (!response.ok) throw new Error(`Export as ${format} failed: HTTP ${response.status}`);
  const served = fileNameFrom(response.headers.get('content-disposition'), `graph.${format}`);
  const extension = format === 'csv' ? 'csv.zip' : (served.split('.').at(-1) ?? format);
  const body =
    format === 'csv'
      ? await response.blob()
      : new Blob([withViewLayout(format, await response.text(), view.drawn)], {
          type: response.headers.get('content-type') ?? 'application/octet-stream',
        });
  save(body, `${view.fileName}.${extension}`);
}

export interface PngView {
  title: string;
  subtitle: string;
  legend: ReadonlyArray<{ label: string; color: string; shape: 'circle' | 'square' }>;
  /** Without the extension. */
  fileName: string;
}

const HEADER_PX = 58;
const LEGEND_ROW_PX = 20;
const LEGEND_COLUMN_PX = 170;

/** The network as drawn, under a title and the date, above the legend of the kinds drawn, saved as a PNG. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the typed renderer is a Sigma of any attributes.
export async function exportPng(renderer: Sigma<any, any>, view: PngView): Promise<void> {
  const drawn = await drawOnCanvas(renderer, { backgroundColor: '#ffffff' });
  const { width, height } = renderer.getDimensions();
  const perRow = Math.max(1, Math.floor((width - 24) / LEGEND_COLUMN_PX));
  const legendHeight = Math.ceil(view.legend.length / perRow) * LEGEND_ROW_PX + 16;
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round((HEADER_PX + height + legendHeight) * ratio);
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('This browser cannot draw the PNG');
  context.scale(ratio, ratio);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, HEADER_PX + height + legendHeight);
  context.fillStyle = '#1f1f1f';
  context.font = '600 18px system-ui, sans-serif';
  context.fillText(view.title, 12, 26);
  context.font = '13px system-ui, sans-serif';
  context.fillStyle = '#444444';
  context.fillText(view.subtitle, 12, 46);
  context.drawImage(drawn, 0, HEADER_PX, width, height);
  context.font = '12px system-ui, sans-serif';
  view.legend.forEach((item, i) => {
    const x = 12 + (i % perRow) * LEGEND_COLUMN_PX;
    const y = HEADER_PX + height + 12 + Math.floor(i / perRow) * LEGEND_ROW_PX;
    context.fillStyle = item.color;
    if (item.shape === 'square') context.fillRect(x, y, 10, 10);
    else {
      context.beginPath();
      context.arc(x + 5, y + 5, 5, 0, 2 * Math.PI);
      context.fill();
    }
    context.fillStyle = '#1f1f1f';
    context.fillText(item.label, x + 16, y + 9);
  });
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob === null) throw new Error('The PNG could not be made');
  save(blob, `${view.fileName}.png`);
}

export function graphiqlUrl(query: string, variables: Record<string, unknown>): string {
  const params = new URLSearchParams({ query, variables: JSON.stringify(variables, null, 2) });
  return `/graphiql?${params.toString()}`;
}
