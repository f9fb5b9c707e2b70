import { useEffect, useState } from 'react';
import type { Me } from '../../../../shared/schemas/auth';
import { api, ApiError } from '../../api/client';
import { useSession } from '../../session';
import { loadMe, saveMe } from './offline/store';

/**
 * Who works the yard page. Online it is the session's user; when the page opens without the
 * network (the session check cannot reach the server) it is the user last signed in on this
 * device, so the yard keeps working. Signed out (the server answers 401), nobody. The server
 * checks every synchronised event against the real session anyway.
 */
export function useOperator(): { me: Me | null; loading: boolean; cached: boolean } {
  const { me, loading } = useSession();
  const [fallback, setFallback] = useState<{ me: Me | null; done: boolean }>({ me: null, done: false });
  useEffect(() => {
    if (me) {
      void saveMe(me);
      return;
    }
    if (loading) return;
    let cancelled = false;
    (async () => {
      try {
        await api<Me>('GET', '/api/v1/me');
        if (!cancelled) setFallback({ me: null, done: true });
      } catch (error) {
        const reachable = error instanceof ApiError && error.problem.status < 500;
        const remembered = reachable ? null : await loadMe();
        if (!cancelled) setFallback({ me: remembered, done: true });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [me, loading]);
  if (me) return { me, loading: false, cached: false };
  return { me: fallback.me, loading: loading || !fallback.done, cached: fallback.me !== null };
}
