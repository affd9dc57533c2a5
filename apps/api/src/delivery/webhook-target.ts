import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { deliveryError } from './delivery.errors';

type Ip = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Hosts and networks an operator lets webhooks call although they are not public
 * (WEBHOOK_ALLOWED_HOSTS: host names and CIDRs, e.g. `hooks.internal,10.1.0.0/16,127.0.0.1`).
 */
export interface WebhookAllowList {
  readonly hosts: ReadonlySet<string>;
  readonly networks: readonly (readonly [Ip, number])[];
}

export const EMPTY_ALLOW_LIST: WebhookAllowList = { hosts: new Set(), networks: [] };

/** Entries were validated by env.schema; a single address is a /32 (or /128) network. */
export function parseAllowList(entries: readonly string[]): WebhookAllowList {
  const hosts = new Set<string>();
  const networks: (readonly [Ip, number])[] = [];
  for (const raw of entries) {
    const entry = raw
      .trim()
      .toLowerCase()
      .replace(/^\[|\]$/g, '');
    if (ipaddr.isValidCIDR(entry)) networks.push(ipaddr.parseCIDR(entry));
    else if (ipaddr.isValid(entry)) {
      const ip = normalise(ipaddr.parse(entry));
      networks.push([ip, ip.kind() === 'ipv4' ? 32 : 128]);
    } else hosts.add(entry);
  }
  return { hosts, networks };
}

/** An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged as the IPv4 address it carries. */
function normalise(ip: Ip): Ip {
  return ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()
    ? (ip as ipaddr.IPv6).toIPv4Address()
    : ip;
}

/**
 * Only global unicast is public: this refuses loopback, RFC 1918 private, link-local (and so the
 * 169.254.169.254 metadata service), CGNAT (100.64/10, Alibaba's metadata), unique-local (fd00:ec2::254),
 * multicast, unspecified, reserved, and the v6 ranges that embed a v4 address (NAT64, 6to4, Teredo).
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return normalise(ipaddr.parse(address)).range() === 'unicast';
}

function inAllowedNetwork(address: string, allow: WebhookAllowList): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = normalise(ipaddr.parse(address));
  return allow.networks.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits));
}

/** `[::1]` → `::1`: URL keeps the brackets of an IPv6 literal, DNS and ipaddr do not want them. */
function bareHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
}

function hostAllowed(host: string, allow: WebhookAllowList): boolean {
  return allow.hosts.has(host);
}

/**
 * The check at registration: http(s) only, no credentials, and no obviously internal host. The
 * WHATWG URL parser has already turned `2130706433`, `0177.0.0.1` and `0x7f.1` into `127.0.0.1`,
 * so every spelling of an address literal is judged by its value. Names are resolved at send time.
 */
export function checkWebhookUrl(raw: string, allow: WebhookAllowList): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw deliveryError('INVALID_WEBHOOK_URL', `"${raw}" is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw deliveryError(
      'INVALID_WEBHOOK_URL',
      'A webhook URL must start with https:// or http://.',
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw deliveryError(
      'INVALID_WEBHOOK_URL',
      'A webhook URL must not contain a user name or password; verify the signature instead.',
    );
  }
  const host = bareHost(url);
  const internalName = host === 'localhost' || host.endsWith('.localhost');
  const internalLiteral = ipaddr.isValid(host) && !isPublicAddress(host);
  if (
    (internalName || internalLiteral) &&
    !hostAllowed(host, allow) &&
    !inAllowedNetwork(host, allow)
  ) {
    throw deliveryError(
      'INVALID_WEBHOOK_URL',
      'A webhook URL must point at a public host; loopback, private and link-local addresses are refused.',
    );
  }
  return url.toString();
}

/** Why a send-time check refused a target; logged on the server, never shown to the client. */
export class WebhookTargetRefused extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'WebhookTargetRefused';
  }
}

export type Resolver = (host: string) => Promise<readonly LookupAddress[]>;

export const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * Resolves the webhook's host now (every address) and returns the one address to connect to.
 * All addresses must pass, so a name with one public and one private record is refused rather
 * than left to the connection's choice. The caller connects to the returned address only, so a
 * second DNS answer (rebinding) cannot switch the target after this check.
 */
export async function resolveWebhookTarget(
  url: URL,
  allow: WebhookAllowList,
  resolve: Resolver = systemResolver,
): Promise<LookupAddress> {
  const host = bareHost(url);
  let addresses: readonly LookupAddress[];
  try {
    addresses = ipaddr.isValid(host)
      ? [{ address: host, family: ipaddr.parse(host).kind() === 'ipv4' ? 4 : 6 }]
      : await resolve(host);
  } catch {
    throw new WebhookTargetRefused(`host ${host} does not resolve`);
  }
  const first = addresses[0];
  if (first === undefined) throw new WebhookTargetRefused(`host ${host} has no address`);
  if (hostAllowed(host, allow)) return first;
  const refused = addresses.find(
    (a) => !isPublicAddress(a.address) && !inAllowedNetwork(a.address, allow),
  );
  if (refused !== undefined) {
    throw new WebhookTargetRefused(`host ${host} resolves to non-public ${refused.address}`);
  }
  return first;
}
