import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './graphql-client';

export type QueryState<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly message: string }
  | { readonly state: 'ready'; readonly data: T };

/**
 * Runs `load` when `key` changes and on `reload()`; a stale answer (from an older key) is dropped.
 * Reloads keep the old data on screen until the new answer arrives, so live updates do not flicker.
 */
export function useQuery<T>(
  load: () => Promise<T>,
  key: string,
): QueryState<T> & { readonly reload: () => void } {
  const [state, setState] = useState<QueryState<T>>({ state: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const generation = useRef(0);

  const run = useCallback((keepData: boolean) => {
    const mine = ++generation.current;
    if (!keepData) setState({ state: 'loading' });
    loadRef.current().then(
      (data) => {
        if (generation.current === mine) setState({ state: 'ready', data });
      },
      (error: unknown) => {
        if (generation.current === mine) setState({ state: 'error', message: errorMessage(error) });
      },
    );
  }, []);

  useEffect(() => run(false), [key, run]);
  const reload = useCallback(() => run(true), [run]);
  return { ...state, reload };
}
