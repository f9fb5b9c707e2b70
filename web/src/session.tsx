import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Me } from '../../shared/schemas/auth';
import { api, ApiError } from './api/client';

interface Session {
  me: Me | null;
  loading: boolean;
  refresh: () => Promise<void>;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  can: (permission: Me['permissions'][number]) => boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      setMe(await api<Me>('GET', '/api/v1/me'));
    } catch (error) {
      if (!(error instanceof ApiError && error.problem.status === 401)) throw error;
      setMe(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value: Session = {
    me,
    loading,
    refresh,
    signIn: async (username, password) => setMe(await api<Me>('POST', '/api/v1/auth/login', { username, password })),
    signOut: async () => {
      await api('POST', '/api/v1/auth/logout');
      setMe(null);
    },
    can: (permission) => me?.permissions.includes(permission) ?? false,
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
