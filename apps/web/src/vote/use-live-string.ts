import { useEffect, useRef } from 'react';
import { ROUND_DECIDED, STRING_UPDATED } from '../api/voting-operations';
import { subscribe } from '../subscriptions';

/** Calls `onChange` when the string's round is decided or the string changes (no reload needed). */
export function useLiveString(
  project: string,
  locale: string,
  stringId: string,
  onChange: () => void,
): void {
  const callback = useRef(onChange);
  callback.current = onChange;
  useEffect(() => {
    const stopDecided = subscribe(ROUND_DECIDED, { project, locale }, (data) => {
      if (data.roundDecided.stringId === stringId) callback.current();
    });
    const stopUpdated = subscribe(STRING_UPDATED, { stringId, locale }, () => callback.current());
    return () => {
      stopDecided();
      stopUpdated();
    };
  }, [project, locale, stringId]);
}
