/**
 * Internal: a multi-file export (CSV node and edge lists) as one zip for a download, with fflate (no Node-only
 * API). Each file is stored under its part name (`nodes.csv`, `edges.csv`) beside `metadata.json`, since CSV has
 * no place for metadata.
 */
import { strToU8, zipSync } from 'fflate';
import type { ExportMetadata } from './export-metadata.ts';

export function zipExport(
  files: ReadonlyArray<{ name: string; content: string }>,
  metadata: ExportMetadata,
): Uint8Array {
  const entries = Object.fromEntries(files.map((file) => [file.name, strToU8(file.content)]));
  entries['metadata.json'] = strToU8(JSON.stringify(metadata, null, 2));
  return zipSync(entries, { level: 6 });
}
