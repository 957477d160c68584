/**
 * Internal: the base of an export's file name, from its selection: `neighborhood-company-kioxia-d1`,
 * `path-country-south-korea-to-org-imec`, `cross-reference`, `ids-3-entities`, `graph`. Only [a-z0-9-], so it is
 * safe in a Content-Disposition header and on every file system.
 */
import type { ExportSelection } from './export-selection.ts';

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

export function exportBaseName(selection: ExportSelection): string {
  const asOf = selection.asOf === null ? '' : `-asof-${slug(selection.asOf)}`;
  switch (selection.kind) {
    case 'neighborhood':
      return `neighborhood-${slug(selection.root)}-d${selection.depth}${asOf}`;
    case 'path':
      return `path-${slug(selection.from)}-to-${slug(selection.to)}${asOf}`;
    case 'crossReference':
      return `cross-reference${asOf}`;
    case 'ids':
      return `ids-${selection.ids.length}-entities${asOf}`;
    case 'graph':
      return `graph${asOf}`;
    default: {
      const never: never = selection;
      throw new Error(`unknown selection ${JSON.stringify(never)}`);
    }
  }
}
