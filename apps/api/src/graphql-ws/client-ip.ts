import type { IncomingMessage } from 'node:http';

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/**
 * The client address of an upgrade request, as Express computes `req.ip` with
 * `trust proxy: loopback` (configure-api): X-Forwarded-For is believed only from a loopback
 * peer, and then its right-most entry that is not itself loopback.
 */
export function clientIp(request: IncomingMessage): string {
  let address = request.socket.remoteAddress ?? 'unknown';
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  while (isLoopback(address)) {
    const next = forwarded.pop();
    if (next === undefined) break;
    address = next;
  }
  return address;
}
