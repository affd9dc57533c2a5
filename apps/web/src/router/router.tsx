import {
  type MouseEvent,
  type ReactNode,
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { type Route, parseRoute, routePath } from './routes';

interface RouterValue {
  readonly route: Route;
  /** Query parameters of the current URL (e.g. ?string=<id> in the workspace). */
  readonly search: URLSearchParams;
  readonly navigate: (to: Route | string, options?: { readonly replace?: boolean }) => void;
}

const RouterContext = createContext<RouterValue | null>(null);

function currentLocation(): { route: Route; search: URLSearchParams } {
  return {
    route: parseRoute(window.location.pathname),
    search: new URLSearchParams(window.location.search),
  };
}

/** A tiny history-based router: the URL is the state, popstate keeps Back and Forward working. */
export function RouterProvider({ children }: { readonly children: ReactNode }) {
  const [location, setLocation] = useState(currentLocation);

  useEffect(() => {
    const onPop = () => setLocation(currentLocation());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((to: Route | string, options?: { readonly replace?: boolean }) => {
    const url = typeof to === 'string' ? to : routePath(to);
    if (options?.replace === true) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    setLocation(currentLocation());
  }, []);

  const value = useMemo(
    () => ({ route: location.route, search: location.search, navigate }),
    [location, navigate],
  );
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (value === null) throw new Error('useRouter needs a <RouterProvider> above it');
  return value;
}

function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** An <a> with a real href (open in new tab works) that navigates in-app on a plain click. */
export function Link({
  to,
  children,
  className,
}: {
  readonly to: Route;
  readonly children: ReactNode;
  readonly className?: string;
}) {
  const { navigate } = useRouter();
  const href = routePath(to);
  return (
    <a
      href={href}
      className={className}
      onClick={(event) => {
        if (!isPlainLeftClick(event)) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
