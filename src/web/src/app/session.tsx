import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { api, ApiError, readCookie, UNAUTHENTICATED_EVENT } from '../api/client';
import type { ResponseOf, User } from '../api/types';

interface Session {
  user: User | null;
  loading: boolean;
  signedIn: (user: User) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/**
 * The CSRF cookie is set and cleared together with the HttpOnly session
 * cookie, so its absence means "signed out" without asking the server (and
 * without a 401 in the console on every anonymous page load).
 */
const mayHaveSession = () => Boolean(readCookie('atrium_csrf'));

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      if (!mayHaveSession()) return null;
      try {
        return (await api.get<ResponseOf<'/api/auth/me', 'get'>>('/api/auth/me')).user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });

  /**
   * Switches who is signed in. Cached data of the previous person must not leak
   * into the next session, but the `me` query keeps its observers, so it is
   * updated in place instead of being cleared with the rest.
   */
  const become = useCallback(
    (next: User | null) => {
      queryClient.setQueryData(['me'], next);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    },
    [queryClient],
  );

  // Any API call answering 401 (expired or revoked session) ends the session here too.
  useEffect(() => {
    const onGone = () => become(null);
    window.addEventListener(UNAUTHENTICATED_EVENT, onGone);
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, onGone);
  }, [become]);

  const signedIn = become;

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    become(null);
  }, [become]);

  const value = useMemo<Session>(
    () => ({ user: me.data ?? null, loading: me.isPending, signedIn, signOut }),
    [me.data, me.isPending, signedIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser needs a signed-in user');
  return user;
}
