/**
 * Internal: per request, one DataLoader per distinct key (told apart by its JSON, or by `keyOf` where a key holds
 * more than its identity), created on first use, so every load asked with equal keys is batched into one statement.
 */
import type DataLoader from 'dataloader';
import { getOrCreate } from '../get-or-create.ts';

export function loaderPerKey<K, V>(
  create: (key: K) => DataLoader<string, V>,
  keyOf: (key: K) => unknown = (key) => key,
): (key: K) => DataLoader<string, V> {
  const loaders = new Map<string, DataLoader<string, V>>();
  return (key) => getOrCreate(loaders, JSON.stringify(keyOf(key)), () => create(key));
}
