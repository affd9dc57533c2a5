import type { IncomingMessage } from 'node:http';

/**
 * The caller's address: Express's `req.ip` honours `trust proxy` (loopback proxies only), so a
 * client cannot pick its own key with X-Forwarded-For. WebSocket upgrade requests have no `ip`.
 */
export function clientIp(req: IncomingMessage & { ip?: string | undefined }): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
