/**
 * The colours the analyses paint with, in one place so the canvas and the legends agree. Red means "hangs on
 * nothing or on one": a single supplier in the lens, no supplier left in the what-if.
 */

export const SINGLE_SUPPLIER = '#d62728';
export const SEVERAL_SUPPLIERS = '#8c9bab';
export const NO_SUPPLY_LINK = '#e2e2e2';
export const WITHOUT_SUPPLIER = '#d62728';
export const ONE_SUPPLIER_LEFT = '#ff9f1c';
export const LOSES_A_SUPPLIER = '#f7c6a8';
export const REMOVED_ENTITY = '#4d4d4d';
export const REMOVED_LINK = '#e06666';
export const STARTED_LINK = '#1a9850';
export const ENDED_LINK = '#8e44ad';
export const PATH = '#1f5fd6';

/** The sequential scale of HHI by company, 0 (many equal suppliers) to 10,000 (one). */
export const HHI_STOPS: readonly string[] = ['#fee8c8', '#fdbb84', '#e34a33', '#7f0000'];

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** `a` moved towards `b` by t (0..1). */
function mix(a: string, b: string, t: number): string {
  const [ca, cb] = [channels(a), channels(b)];
  return toHex(ca.map((c, i) => c + ((cb[i] ?? c) - c) * t));
}

/** The colour of an HHI (0..10,000) on HHI_STOPS. */
export function hhiColor(hhi: number): string {
  const t = Math.min(1, Math.max(0, hhi / 10_000)) * (HHI_STOPS.length - 1);
  const i = Math.min(HHI_STOPS.length - 2, Math.floor(t));
  return mix(HHI_STOPS[i] ?? '#000000', HHI_STOPS[i + 1] ?? '#000000', t - i);
}

/** A kind colour faded towards white: what the lens does to the nodes it does not measure. */
export function faded(color: string): string {
  return mix(color, '#ffffff', 0.7);
}
