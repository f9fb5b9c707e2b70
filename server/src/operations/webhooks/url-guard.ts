import dns from 'node:dns';
import net from 'node:net';
import { AppError } from '../../platform/errors';
import type { OperationsSettings } from '../settings';

// SSRF guard for webhook URLs: only http(s), no credentials in the URL, host on the allow-list
// when one is set, and never an address of this machine or a private network unless a setting
// allows it (development and tests). Checked when an endpoint is saved (by name) and again
// when each delivery connects (by the resolved address, so a name cannot later point inside).

type Guard = OperationsSettings['webhooks'];

const PRIVATE_V4: Array<[string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

function v4ToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/** Loopback, private, link-local, shared, multicast or reserved addresses. */
export function isPrivateAddress(address: string): boolean {
  if (net.isIPv4(address)) {
    const value = v4ToInt(address);
    return PRIVATE_V4.some(([base, bits]) => {
      const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
      return ((value & mask) >>> 0) === ((v4ToInt(base) & mask) >>> 0);
    });
  }
  if (net.isIPv6(address)) {
    const a = address.toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
    if (mapped) return isPrivateAddress(mapped[1]);
    return a === '::' || a === '::1' || a.startsWith('fc') || a.startsWith('fd') || a.startsWith('fe8') || a.startsWith('fe9') || a.startsWith('fea') || a.startsWith('feb') || a.startsWith('ff');
  }
  return true;
}

function hostAllowed(host: string, allowed: string[]): boolean {
  if (allowed.length === 0) return true;
  return allowed.some((a) => (a.startsWith('.') ? host.endsWith(a) : host === a));
}

/** Checks a URL when it is saved; returns it normalised. */
export function checkWebhookUrl(raw: string, guard: Guard): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('webhooks.url_invalid');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || !url.hostname) throw new AppError('webhooks.url_invalid');
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (!hostAllowed(host, guard.allowedHosts)) throw new AppError('webhooks.url_not_allowed');
  const local = host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal');
  if (!guard.allowPrivate && (local || (net.isIP(host) !== 0 && isPrivateAddress(host)))) throw new AppError('webhooks.url_not_allowed');
  url.hash = '';
  return url.toString();
}

/** A dns.lookup for the HTTP client that refuses private addresses at connection time. */
export function guardedLookup(guard: Guard): typeof dns.lookup {
  const lookup = (hostname: string, options: dns.LookupOptions, callback: (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = addresses as dns.LookupAddress[];
      const bad = !guard.allowPrivate && list.some((a) => isPrivateAddress(a.address));
      if (bad || list.length === 0) {
        const error = new Error(`webhook host ${hostname} resolves to a private address`) as NodeJS.ErrnoException;
        error.code = 'EWEBHOOKPRIVATE';
        return callback(error, '', 4);
      }
      if (options.all) return callback(null, list);
      return callback(null, list[0].address, list[0].family);
    });
  };
  return lookup as unknown as typeof dns.lookup;
}
