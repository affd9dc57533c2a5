/** Matches "/projects/:slug/translate/:locale" against a path; params are URL-decoded. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = split(pattern);
  const have = split(path);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const h = have[i] ?? '';
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(h);
      } catch {
        return null;
      }
    } else if (w !== h) return null;
  }
  return params;
}

/** Fills a pattern's ":name" segments with encoded values. */
export function buildPath(pattern: string, params: Readonly<Record<string, string>>): string {
  return (
    '/' +
    split(pattern)
      .map((segment) =>
        segment.startsWith(':') ? encodeURIComponent(params[segment.slice(1)] ?? '') : segment,
      )
      .join('/')
  );
}

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}
