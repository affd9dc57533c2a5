import { useCallback, useEffect, useRef, useState } from 'react';
import { NEXT_STRING, STRING } from '../api/translation-operations';
import type { StringFilter, TranslatableString } from '../api/types';
import { errorMessage, request } from '../graphql-client';

export type QueueState =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly message: string }
  | { readonly state: 'empty' }
  | { readonly state: 'ready'; readonly unit: TranslatableString };

/**
 * The volunteer's queue: `nextString` leases the next string for the filter; skipped ids are
 * passed back so a skip really moves on. `open` jumps to one string found by search.
 */
export function useStringQueue(project: string, locale: string, filter: StringFilter) {
  const [queue, setQueue] = useState<QueueState>({ state: 'loading' });
  const skipped = useRef<string[]>([]);
  const generation = useRef(0);

  const load = useCallback((fetcher: () => Promise<TranslatableString | null>) => {
    const mine = ++generation.current;
    setQueue({ state: 'loading' });
    fetcher().then(
      (unit) => {
        if (generation.current !== mine) return;
        setQueue(unit === null ? { state: 'empty' } : { state: 'ready', unit });
      },
      (error: unknown) => {
        if (generation.current === mine) setQueue({ state: 'error', message: errorMessage(error) });
      },
    );
  }, []);

  const next = useCallback(() => {
    load(() =>
      request(NEXT_STRING, { project, locale, filter, skip: skipped.current }).then(
        (d) => d.nextString,
      ),
    );
  }, [load, project, locale, filter]);

  const skip = useCallback(() => {
    if (queue.state === 'ready') skipped.current = [...skipped.current, queue.unit.id];
    next();
  }, [queue, next]);

  const open = useCallback(
    (id: string) => load(() => request(STRING, { id, locale }).then((d) => d.string)),
    [load, locale],
  );

  const restart = useCallback(() => {
    skipped.current = [];
    next();
  }, [next]);

  useEffect(() => {
    skipped.current = [];
    next();
    // An answer that arrives after the page left (or changed filter) is not shown. Under
    // StrictMode's mount-twice the second call renews the lease the first one took.
    return () => {
      generation.current += 1;
    };
  }, [next]);

  return { queue, next, skip, open, restart };
}
