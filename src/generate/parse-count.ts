/** Internal: counts written the way people say them: 2000, 10k, 100k, 1m (also 1_000_000). */
export function parseCount(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.replace(/_/g, '').trim());
  if (!match?.[1]) throw new RangeError(`not a count: ${JSON.stringify(text)} (use e.g. 2000, 10k, 1m)`);
  const factor = { '': 1, k: 1_000, m: 1_000_000 }[(match[2] ?? '').toLowerCase() as '' | 'k' | 'm'];
  const value = Number(match[1]) * factor;
  if (!Number.isInteger(value)) throw new RangeError(`not a whole count: ${JSON.stringify(text)}`);
  return value;
}
