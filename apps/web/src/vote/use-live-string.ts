import { useEffect, useRef } from 'react';
import { STRING_UPDATED } from '../api/voting-operations';
import { subscribe } from '../subscriptions';
import { BROWSER_CLOCK, LIVE_REFRESH_SPACING_MS, refreshThrottle } from './refresh-throttle';

/**
 * Calls `refresh` when the string changes in this locale (a candidate, a vote, its round opened,
 * extended or decided: the API sends `stringUpdated` for each), spaced by LIVE_REFRESH_SPACING_MS.
 * One subscription per page: the string's own topic, not every decision of the locale.
 */
export function useLiveString(
  locale: string,
  stringId: string,
  refresh: () => Promise<unknown>,
): void {
  const callback = useRef(refresh);
  callback.current = refresh;
  useEffect(() => {
    const throttle = refreshThrottle(
      () => callback.current(),
      LIVE_REFRESH_SPACING_MS,
      BROWSER_CLOCK,
    );
    const stop = subscribe(STRING_UPDATED, { stringId, locale }, () => throttle.signal());
    return () => {
      stop();
      throttle.stop();
    };
  }, [locale, stringId]);
}
