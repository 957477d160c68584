/**
 * The view as URL parameters, so a link restores it:
 * `id` (centre entity), `depth` (1-3), `limit` (nodes, 1-500), `asOf` (YYYY-MM, absent = now), `expand` (ids of
 * expanded nodes, comma-separated), `hideKinds` and `hideTypes` (filtered out, comma-separated), `select` (the
 * selected node), `view` (`graph` or `matrix`), `whole=1` (the whole graph instead of a neighbourhood).
 */

export interface ViewState {
  id: string | null;
  depth: number;
  limit: number;
  asOf: string | null;
  expand: string[];
  hideKinds: string[];
  hideTypes: string[];
  select: string | null;
  view: 'graph' | 'matrix';
  whole: boolean;
}

const DEFAULT_STATE: ViewState = {
  id: null,
  depth: 1,
  limit: 200,
  asOf: null,
  expand: [],
  hideKinds: [],
  hideTypes: [],
  select: null,
  view: 'graph',
  whole: false,
};

function list(value: string | null): string[] {
  return value === null || value === '' ? [] : value.split(',').filter((v) => v !== '');
}

function bounded(value: string | null, min: number, max: number, fallback: number): number {
  const n = Number(value);
  return value !== null && Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

export function readState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const asOf = p.get('asOf');
  return {
    id: p.get('id') || null,
    depth: bounded(p.get('depth'), 1, 3, DEFAULT_STATE.depth),
    limit: bounded(p.get('limit'), 1, 500, DEFAULT_STATE.limit),
    asOf: asOf !== null && /^\d{4}(-\d{2}){0,2}$/.test(asOf) ? asOf : null,
    expand: list(p.get('expand')),
    hideKinds: list(p.get('hideKinds')),
    hideTypes: list(p.get('hideTypes')),
    select: p.get('select') || null,
    view: p.get('view') === 'matrix' ? 'matrix' : 'graph',
    whole: p.get('whole') === '1',
  };
}

function stateToSearch(state: ViewState): string {
  const p = new URLSearchParams();
  if (state.id !== null) p.set('id', state.id);
  if (state.depth !== DEFAULT_STATE.depth) p.set('depth', String(state.depth));
  if (state.limit !== DEFAULT_STATE.limit) p.set('limit', String(state.limit));
  if (state.asOf !== null) p.set('asOf', state.asOf);
  if (state.expand.length > 0) p.set('expand', state.expand.join(','));
  if (state.hideKinds.length > 0) p.set('hideKinds', state.hideKinds.join(','));
  if (state.hideTypes.length > 0) p.set('hideTypes', state.hideTypes.join(','));
  if (state.select !== null) p.set('select', state.select);
  if (state.view !== 'graph') p.set('view', state.view);
  if (state.whole) p.set('whole', '1');
  const text = p.toString();
  return text === '' ? '' : `?${text}`;
}

/** Records the state in the address bar without adding a history entry per click. */
export function writeState(state: ViewState): void {
  const search = stateToSearch(state);
  if (search !== location.search) history.replaceState(null, '', `${location.pathname}${search}`);
}
