import { useCallback, useEffect, useState } from 'react';

/** A list read from the server, reloaded when `version` changes (the queue poll's counts) and on demand. */
export function useServerList<T>(load: (() => Promise<{ items: T[] }>) | null, version: unknown) {
  const [items, setItems] = useState<T[]>([]);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    if (!load) return;
    try {
      setItems((await load()).items);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload, version]);
  return { items, error, reload };
}
