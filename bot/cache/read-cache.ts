/** A map of values derived from PostgreSQL, emptied whenever one of its tables changes. */
export interface ReadCache<V> {
  /** The value under `key`, loaded once by `load` (concurrent misses share one load). */
  read(key: string, load: () => Promise<V>): Promise<V>;
  /** The values under `keys`, the missing ones loaded together by one call of `load` (in their order). */
  readMany(keys: readonly string[], load: (missing: string[]) => Promise<V[]>): Promise<V[]>;
  /**
   * Starts loading `key` when it is neither kept nor loading, and returns at once: a turn
   * may call it before its sync, since it never hands out a value kept earlier.
   */
  prefetch(key: string, load: () => Promise<V>): void;
  /** Forgets everything; loads already running will not be kept. */
  clear(): void;
  readonly size: number;
}

export interface ReadCacheOptions {
  /** Most entries kept; the least recently read goes first. */
  max: number;
  /** False while changes cannot be heard: then every read goes to `load` and nothing is kept. */
  enabled: () => boolean;
}

/**
 * A bounded least-recently-read cache. A value loaded while a `clear()` happened is
 * returned but not kept: it may predate the change that cleared the cache.
 */
export function createReadCache<V>({ max, enabled }: ReadCacheOptions): ReadCache<V> {
  const entries = new Map<string, V>();
  const loading = new Map<string, Promise<V>>();
  let generation = 0;
  const keep = (key: string, value: V) => {
    entries.set(key, value);
    if (entries.size > max) entries.delete(entries.keys().next().value as string);
  };
  const cache: ReadCache<V> = {
    async read(key, load) {
      if (!enabled()) return load();
      if (entries.has(key)) {
        const value = entries.get(key) as V;
        entries.delete(key);
        entries.set(key, value);
        return value;
      }
      const pending = loading.get(key);
      if (pending) return pending;
      const started = generation;
      const promise = load()
        .then((value) => {
          if (generation === started && enabled()) keep(key, value);
          return value;
        })
        .finally(() => {
          if (loading.get(key) === promise) loading.delete(key);
        });
      loading.set(key, promise);
      return promise;
    },
    async readMany(keys, load) {
      if (!enabled()) return load([...keys]);
      const known = new Map(keys.flatMap((key) => (entries.has(key) ? [[key, entries.get(key) as V] as const] : [])));
      const missing = keys.filter((key) => !known.has(key));
      const started = generation;
      const loaded = missing.length > 0 ? await load(missing) : [];
      missing.forEach((key, i) => {
        known.set(key, loaded[i] as V);
        if (generation === started && enabled()) keep(key, loaded[i] as V);
      });
      return keys.map((key) => known.get(key) as V);
    },
    prefetch(key, load) {
      if (enabled() && !entries.has(key) && !loading.has(key)) cache.read(key, load).catch(() => {});
    },
    clear() {
      generation += 1;
      entries.clear();
      loading.clear();
    },
    get size() {
      return entries.size;
    },
  };
  return cache;
}
