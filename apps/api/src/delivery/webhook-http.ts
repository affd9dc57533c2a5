import type { LookupAddress, LookupOptions } from 'node:dns';
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * POSTs `body` to `url`, connecting only to `target` (an address already checked against the
 * webhook policy): the socket's DNS lookup is replaced by one that answers with that address, so
 * the name is not resolved a second time. TLS still verifies the certificate against the URL's
 * host name. No redirect is followed, no connection is reused, the answer's body is discarded.
 * Resolves with the HTTP status; rejects on a network error or after `timeoutMs`.
 */
export function postPinned(
  url: URL,
  target: LookupAddress,
  headers: OutgoingHttpHeaders,
  body: string,
  timeoutMs: number,
): Promise<number> {
  const lookup = (_host: string, options: LookupOptions, callback: LookupCallback): void => {
    if (options.all === true) callback(null, [target]);
    else callback(null, target.address, target.family);
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const req = send(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      lookup,
      agent: false,
      signal: AbortSignal.timeout(timeoutMs),
    });
    req.once('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('error', reject);
    req.end(body);
  });
}
