import {
  type ReactNode,
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { STATUS } from '../api/session-operations';
import type { Health, Me } from '../api/types';
import { errorMessage, request } from '../graphql-client';

export type SessionState =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly message: string }
  | { readonly state: 'ready'; readonly health: Health; readonly me: Me | null };

interface SessionValue {
  readonly session: SessionState;
  readonly me: Me | null;
  readonly refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Who is signed in (from `me`), loaded once and refreshed after sign-in, sign-up and sign-out. */
export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ state: 'loading' });
  const refresh = useCallback(
    () =>
      request(STATUS)
        .then(({ health, me }) => setSession({ state: 'ready', health, me }))
        .catch((error: unknown) => setSession({ state: 'error', message: errorMessage(error) })),
    [],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const value = useMemo(
    () => ({ session, me: session.state === 'ready' ? session.me : null, refresh }),
    [session, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession needs a <SessionProvider> above it');
  return value;
}
