/**
 * The view as URL parameters, so a link restores it:
 * `id` (centre entity), `depth` (1-3), `limit` (nodes, 1-500), `asOf` (YYYY-MM, absent = now), `expand` (ids of
 * expanded nodes, comma-separated), `hideKinds` and `hideTypes` (filtered out, comma-separated), `select` (the
 * selected node), `view` (`graph`, `list` or `matrix`), `whole=1` (the whole graph instead of a neighbourhood).
 * The analyses: `lens` (`hhi` or `single`: material colour), `size` (`betweenness` or `degree`), `links` (one supply
 * link type the lens and what-if count; absent = all), `remove` (what-if removals, comma-separated), `from`, `to`
 * and `k` (the path finder), `compare` (YYYY-MM: changes between it and the view's date).
 * The matrix: `mcategory`, `mcountry`, `mlinks` (its filters: a category, a country, a link type), `mrows`
 * (`total`: most links first) and `mcolumns` (`total`, `suppliers`: the order within each category).
 * The camera: `cam=x,y,ratio` (Sigma's camera over the laid-out graph; absent: the whole graph in view); `group`
 * (`kind` or `community`: the layout gathers each group).
 */
import { SUPPLY_LINK_TYPES, type SupplyLinkType } from './analytics-api.ts';
import { COLUMN_ORDERS, ROW_ORDERS, type ColumnOrder, type RowOrder } from './matrix-model.ts';
import { COLOR_LENSES, SIZE_LENSES, type ColorLens, type SizeLens } from './risk-lens.ts';

export interface ViewState {
  id: string | null;
  depth: number;
  limit: number;
  asOf: string | null;
  expand: string[];
  hideKinds: string[];
  hideTypes: string[];
  select: string | null;
  view: 'graph' | 'list' | 'matrix';
  whole: boolean;
  lens: ColorLens | null;
  size: SizeLens | null;
  links: SupplyLinkType | null;
  remove: string[];
  pathFrom: string | null;
  pathTo: string | null;
  k: number;
  compare: string | null;
  matrixCategory: string | null;
  matrixCountry: string | null;
  matrixLinks: SupplyLinkType | null;
  matrixRows: RowOrder;
  matrixColumns: ColumnOrder;
  camera: CameraView | null;
  group: LayoutGroup | null;
}

const LAYOUT_GROUPS = ['kind', 'community'] as const;
export type LayoutGroup = (typeof LAYOUT_GROUPS)[number];

/** Sigma's camera: the centre (0 to 1 over the graph's extent) and the zoom ratio (1: all of it). */
interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

function cameraOf(value: string | null): CameraView | null {
  const parts = value?.split(',').map(Number) ?? [];
  const [x, y, ratio] = parts;
  if (parts.length !== 3 || x === undefined || y === undefined || ratio === undefined) return null;
  return parts.every(Number.isFinite) && ratio > 0 ? { x, y, ratio } : null;
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
  lens: null,
  size: null,
  links: null,
  remove: [],
  pathFrom: null,
  pathTo: null,
  k: 3,
  compare: null,
  matrixCategory: null,
  matrixCountry: null,
  matrixLinks: null,
  matrixRows: 'name',
  matrixColumns: 'name',
  camera: null,
  group: null,
};

/** A year, a year-month or a date (months 01 to 12, days 01 to 31). */
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return allowed.find((a) => a === value) ?? null;
}

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
  const compare = p.get('compare');
  return {
    id: p.get('id') || null,
    depth: bounded(p.get('depth'), 1, 3, DEFAULT_STATE.depth),
    limit: bounded(p.get('limit'), 1, 500, DEFAULT_STATE.limit),
    asOf: asOf !== null && PARTIAL_DATE.test(asOf) ? asOf : null,
    expand: list(p.get('expand')),
    hideKinds: list(p.get('hideKinds')),
    hideTypes: list(p.get('hideTypes')),
    select: p.get('select') || null,
    view: oneOf(p.get('view'), ['list', 'matrix'] as const) ?? 'graph',
    whole: p.get('whole') === '1',
    lens: oneOf(p.get('lens'), COLOR_LENSES),
    size: oneOf(p.get('size'), SIZE_LENSES),
    links: oneOf(p.get('links'), SUPPLY_LINK_TYPES),
    remove: list(p.get('remove')),
    pathFrom: p.get('from') || null,
    pathTo: p.get('to') || null,
    k: bounded(p.get('k'), 1, 10, DEFAULT_STATE.k),
    compare: compare !== null && /^\d{4}-\d{2}$/.test(compare) ? compare : null,
    matrixCategory: p.get('mcategory') || null,
    matrixCountry: p.get('mcountry') || null,
    matrixLinks: oneOf(p.get('mlinks'), SUPPLY_LINK_TYPES),
    matrixRows: oneOf(p.get('mrows'), ROW_ORDERS) ?? DEFAULT_STATE.matrixRows,
    matrixColumns: oneOf(p.get('mcolumns'), COLUMN_ORDERS) ?? DEFAULT_STATE.matrixColumns,
    camera: cameraOf(p.get('cam')),
    group: oneOf(p.get('group'), LAYOUT_GROUPS),
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
  if (state.lens !== null) p.set('lens', state.lens);
  if (state.size !== null) p.set('size', state.size);
  if (state.links !== null) p.set('links', state.links);
  if (state.remove.length > 0) p.set('remove', state.remove.join(','));
  if (state.pathFrom !== null) p.set('from', state.pathFrom);
  if (state.pathTo !== null) p.set('to', state.pathTo);
  if (state.k !== DEFAULT_STATE.k) p.set('k', String(state.k));
  if (state.compare !== null) p.set('compare', state.compare);
  if (state.matrixCategory !== null) p.set('mcategory', state.matrixCategory);
  if (state.matrixCountry !== null) p.set('mcountry', state.matrixCountry);
  if (state.matrixLinks !== null) p.set('mlinks', state.matrixLinks);
  if (state.matrixRows !== DEFAULT_STATE.matrixRows) p.set('mrows', state.matrixRows);
  if (state.matrixColumns !== DEFAULT_STATE.matrixColumns) p.set('mcolumns', state.matrixColumns);
  if (state.group !== null) p.set('group', state.group);
  if (state.camera !== null) p.set('cam', [state.camera.x, state.camera.y, state.camera.ratio].join(','));
  const text = p.toString();
  return text === '' ? '' : `?${text}`;
}

/** Records the state in the address bar without adding a history entry per click. */
export function writeState(state: ViewState): void {
  const search = stateToSearch(state);
  if (search !== location.search) history.replaceState(null, '', `${location.pathname}${search}`);
}
