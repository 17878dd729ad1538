/** A map of values derived from PostgreSQL, emptied whenever one of its tables changes. */
export interface ReadCache<V> {
  /** The value under `key`, loaded once by `load` (concurrent misses share one load). */
  read(key: string, load: () => Promise<V>): Promise<V>;
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
  return {
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
          if (generation === started && enabled()) {
            entries.set(key, value);
            if (entries.size > max) entries.delete(entries.keys().next().value as string);
          }
          return value;
        })
        .finally(() => {
          if (loading.get(key) === promise) loading.delete(key);
        });
      loading.set(key, promise);
      return promise;
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
}
