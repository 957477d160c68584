/** Internal: a map's value for `key`, created by `create` and stored on first use. */
export function getOrCreate<K extends object, V>(map: WeakMap<K, V>, key: K, create: (key: K) => V): V;
export function getOrCreate<K, V>(map: Map<K, V>, key: K, create: (key: K) => V): V;
export function getOrCreate<K extends object, V>(map: Map<K, V> | WeakMap<K, V>, key: K, create: (key: K) => V): V {
  if (map.has(key)) return map.get(key) as V;
  const value = create(key);
  map.set(key, value);
  return value;
}
