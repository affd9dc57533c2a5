import { useCallback, useState } from 'react';
import { errorMessage } from '../graphql-client';

/** Runs an action, tracking busy state and the last error message for the form that owns it. */
export function useMutation() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(<T>(action: () => Promise<T>, onDone?: (value: T) => void) => {
    setBusy(true);
    setError(null);
    action()
      .then((value) => onDone?.(value))
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setBusy(false));
  }, []);
  return { busy, error, run };
}
