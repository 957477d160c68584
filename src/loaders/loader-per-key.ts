/**
 * Internal: per request, one DataLoader per distinct key (told apart by its JSON: a spec of a few scalars), created
 * on first use, so every load asked with equal keys is batched into one statement.
 */
import type DataLoader from 'dataloader';
import { getOrCreate } from '../get-or-create.ts';

export function loaderPerKey<K, V>(create: (key: K) => DataLoader<string, V>): (key: K) => DataLoader<string, V> {
  const loaders = new Map<string, DataLoader<string, V>>();
  return (key) => getOrCreate(loaders, JSON.stringify(key), () => create(key));
}
