import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { matchesEtag, negotiate } from '../public.routes';
import { backoffMs } from './sender';
import { sign, verify } from './signature';
import { checkWebhookUrl, isPrivateAddress } from './url-guard';

const guard = { allowPrivate: false, allowedHosts: [] as string[], maxAttempts: 8, backoffSeconds: 30, timeoutMs: 5000 };
const code = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
};

describe('webhook URL guard', () => {
  it('knows private, loopback, link-local and mapped addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '172.32.0.1', '203.162.4.191', '2001:4860:4860::8888']) expect(isPrivateAddress(a), a).toBe(false);
  });

  it('accepts public http(s) URLs and refuses the rest', () => {
    expect(checkWebhookUrl('https://erp.example.com/hooks#frag', guard)).toBe('https://erp.example.com/hooks');
    expect(code(() => checkWebhookUrl('ftp://example.com', guard))).toBe('webhooks.url_invalid');
    expect(code(() => checkWebhookUrl('not a url', guard))).toBe('webhooks.url_invalid');
    expect(code(() => checkWebhookUrl('https://a:b@example.com', guard))).toBe('webhooks.url_invalid');
    expect(code(() => checkWebhookUrl('http://localhost:8080/x', guard))).toBe('webhooks.url_not_allowed');
    expect(code(() => checkWebhookUrl('http://[::1]/x', guard))).toBe('webhooks.url_not_allowed');
    expect(checkWebhookUrl('http://localhost:8080/x', { ...guard, allowPrivate: true })).toBe('http://localhost:8080/x');
  });

  it('keeps to the allow-list when one is set', () => {
    const listed = { ...guard, allowedHosts: ['hooks.example.com', '.partner.vn'] };
    expect(checkWebhookUrl('https://hooks.example.com/a', listed)).toBe('https://hooks.example.com/a');
    expect(checkWebhookUrl('https://erp.partner.vn/a', listed)).toBe('https://erp.partner.vn/a');
    expect(code(() => checkWebhookUrl('https://evil.example.org/a', listed))).toBe('webhooks.url_not_allowed');
  });
});

describe('webhook signatures', () => {
  it('verifies the body it signed, with its secret, within the time tolerance', () => {
    const body = '{"id":"evt_1"}';
    const header = sign('whsec_a', 1_800_000_000, body);
    expect(header).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verify('whsec_a', header, '1800000000', body, 1_800_000_100)).toBe(true);
    expect(verify('whsec_b', header, '1800000000', body, 1_800_000_100)).toBe(false);
    expect(verify('whsec_a', header, '1800000000', `${body} `, 1_800_000_100)).toBe(false);
    expect(verify('whsec_a', header, '1800000000', body, 1_800_001_000)).toBe(false);
    expect(verify('whsec_a', header, '1800000001', body, 1_800_000_100)).toBe(false);
  });
});

describe('retry backoff', () => {
  it('doubles from the base with ±20% jitter and stops growing at six hours', () => {
    expect(backoffMs(1, 30, () => 0.5)).toBe(30_000);
    expect(backoffMs(2, 30, () => 0.5)).toBe(60_000);
    expect(backoffMs(3, 30, () => 0)).toBe(96_000);
    expect(backoffMs(3, 30, () => 1)).toBe(144_000);
    expect(backoffMs(30, 30, () => 0.5)).toBe(6 * 3_600_000);
  });
});

describe('public feed negotiation', () => {
  it('serves XML when asked by query, address or a preferring Accept, JSON otherwise', () => {
    expect(negotiate(undefined, '/api/v1/public/congestion', undefined)).toBe('json');
    expect(negotiate('xml', '/api/v1/public/congestion', 'application/json')).toBe('xml');
    expect(negotiate(undefined, '/api/v1/public/congestion.xml?x=1', undefined)).toBe('xml');
    expect(negotiate(undefined, '/x', 'application/xml')).toBe('xml');
    expect(negotiate(undefined, '/x', 'application/json;q=0.4, text/xml;q=0.9')).toBe('xml');
    expect(negotiate(undefined, '/x', 'application/xml;q=0.2, */*;q=0.5')).toBe('json');
    expect(negotiate(undefined, '/x', 'text/html')).toBe('json');
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    expect(matchesEtag('"a", "b"', '"b"')).toBe(true);
    expect(matchesEtag('W/"b"', '"b"')).toBe(true);
    expect(matchesEtag('*', '"b"')).toBe(true);
    expect(matchesEtag('"c"', '"b"')).toBe(false);
    expect(matchesEtag(undefined, '"b"')).toBe(false);
  });
});
