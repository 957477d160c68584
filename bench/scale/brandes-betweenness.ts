/**
 * The scale benchmark's own betweenness, the reference our BETWEENNESS answer is checked against (written apart
 * from src/analytics/, which uses graphology-metrics): Brandes' algorithm on the undirected simple view of a list
 * of relationships (a pair of entities linked once however many relationships link it; self-loops dropped),
 * unweighted, summed over ordered pairs and normalised by 1 / ((n - 1)(n - 2)), the share of the pairs of other
 * entities whose shortest paths run through each entity (docs/analytics.md). Graphs of at most 2 nodes score 0.
 * O(n·m) time, O(n + m) memory.
 */
export function brandesBetweenness(links: ReadonlyArray<readonly [string, string]>): Map<string, number> {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const indexOf = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      index.set(id, i);
      ids.push(id);
    }
    return i;
  };
  const pairs = new Set<string>();
  const neighbours: number[][] = [];
  for (const [a, b] of links) {
    const i = indexOf(a);
    const j = indexOf(b);
    neighbours[i] ??= [];
    neighbours[j] ??= [];
    if (i === j) continue;
    const key = i < j ? `${i} ${j}` : `${j} ${i}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    neighbours[i]?.push(j);
    neighbours[j]?.push(i);
  }
  const n = ids.length;
  const score = new Float64Array(n);
  const sigma = new Float64Array(n);
  const distance = new Int32Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  for (let s = 0; s < n; s += 1) {
    sigma.fill(0);
    distance.fill(-1);
    delta.fill(0);
    sigma[s] = 1;
    distance[s] = 0;
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    while (head < tail) {
      const v = order[head++] as number;
      for (const w of neighbours[v] ?? []) {
        if (distance[w] === -1) {
          distance[w] = (distance[v] as number) + 1;
          order[tail++] = w;
        }
        if (distance[w] === (distance[v] as number) + 1) sigma[w] = (sigma[w] as number) + (sigma[v] as number);
      }
    }
    // Back from the farthest: each predecessor v of w (one step nearer) takes sigma(v) / sigma(w) of w's paths.
    for (let k = tail - 1; k > 0; k -= 1) {
      const w = order[k] as number;
      for (const v of neighbours[w] ?? []) {
        if (distance[v] === (distance[w] as number) - 1) {
          delta[v] = (delta[v] as number) + ((sigma[v] as number) / (sigma[w] as number)) * (1 + (delta[w] as number));
        }
      }
      score[w] = (score[w] as number) + (delta[w] as number);
    }
  }
  const scale = n <= 2 ? 0 : 1 / ((n - 1) * (n - 2));
  return new Map(ids.map((id, i) => [id, (score[i] as number) * scale]));
}
