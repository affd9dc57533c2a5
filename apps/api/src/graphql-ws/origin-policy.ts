/**
 * Which browser origins may open a graphql-ws connection: the API's own origin (the web client it
 * serves) and CORS_ORIGINS, the same origins HTTP lets send credentialed requests. Browsers send
 * the session cookie on a cross-site WebSocket handshake and CORS does not apply to it, so without
 * this check any page could act as its visitor over the socket. A request without Origin is not
 * from a browser: it cannot carry a visitor's cookie by accident, so it is let through like curl.
 */
export function isOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  corsOrigins: readonly string[],
): boolean {
  if (origin === undefined) return true;
  if (corsOrigins.includes(origin)) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  // Same origin: the page was served by this host (scheme is the proxy's business).
  return host !== undefined && parsed.host.toLowerCase() === host.toLowerCase();
}
