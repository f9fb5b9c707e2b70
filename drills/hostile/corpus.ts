import type { Fixtures } from './fixtures';
import { isFreeText, operationsOf, pathValue, resourceOf, sample, typeOf, type Operation, type Schema } from './openapi';
import { BODY_STRINGS, INJECTIONS, MALFORMED_BODIES, NUMBERS, TRAVERSALS, UNICODE, wrongTypeFor } from './strings';

// The hostile corpus, built from the server's OpenAPI document so every route group is covered,
// including routes added later. Each case says who sends it and what must come back:
//   refused — a 4xx problem (hostile writes);   not_5xx — anything but a server error (hostile reads:
//   a value that fits the parameter's format is a legitimate query, e.g. an empty list);
//   not_2xx — never success (another tenant's resource); no_leak — a read filtered to another
//   gate may answer, but never with that gate's or tenant's data.
// Cases marked `deep` carry a plausible body with one unrepresentable value, to reach the database;
// they may legitimately be accepted as data, so they are judged on "no 5xx" only and run apart
// from the "changes nothing" check.

export type Identity = 'admin' | 'a' | 'b' | 'officerX' | 'customsX' | 'anonymous';
export type Expectation = 'refused' | 'not_5xx' | 'not_2xx' | 'no_leak';

export interface HostileCase {
  group: string;
  kind: string;
  name: string;
  method: string;
  url: string;
  body?: string;
  contentType?: string;
  as: Identity;
  expect: Expectation;
  /** no_leak: strings (ids of the other tenant or gate) the answer must not contain. */
  forbidden?: string[];
  deep?: boolean;
}

/** Percent-encodes UTF-8 bytes (a lone surrogate becomes U+FFFD, as a client library would send it). */
const enc = (value: string) => [...Buffer.from(value, 'utf8')].map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

function urlOf(op: Operation, fx: Fixtures, overrides: Record<string, string> = {}, query = '', owner: 'a' | 'b' = 'a'): string {
  const path = op.path.replace(/\{([a-zA-Z]+)\}/g, (_, name: string) => overrides[name] ?? enc(pathValue(op.path, name, fx, owner)));
  return query ? `${path}?${query}` : path;
}

function plausibleBody(op: Operation, fx: Fixtures): Record<string, unknown> {
  return (op.body ? sample(op.body, 'body', fx) : {}) as Record<string, unknown>;
}

function bodyCases(op: Operation, fx: Fixtures, bodyLimit: number): HostileCase[] {
  if (!op.body) return [];
  const base = { group: op.group, method: op.method, url: urlOf(op, fx), as: 'admin' as const, expect: 'refused' as const };
  const out: HostileCase[] = [];
  for (const body of MALFORMED_BODIES) out.push({ ...base, kind: 'malformed', name: `malformed ${JSON.stringify(body).slice(0, 30)}`, body });
  for (const body of ['[]', '"text"', '1', 'null', 'true']) out.push({ ...base, kind: 'wrong_type', name: `body is ${body}`, body });
  out.push({ ...base, kind: 'media_type', name: 'form body', body: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' });
  out.push({ ...base, kind: 'media_type', name: 'text body', body: 'hello', contentType: 'text/plain' });
  out.push({ ...base, kind: 'oversized', name: `body of ${bodyLimit + 1} bytes`, body: JSON.stringify({ x: 'a'.repeat(bodyLimit) }) });
  const plausible = plausibleBody(op, fx);
  out.push({ ...base, kind: 'unknown_field', name: 'unknown field', body: JSON.stringify({ ...plausible, __proto_pollution: true }) });
  const props = Object.entries(op.body.properties ?? {});
  for (const [name, schema] of props) {
    for (const wrong of wrongTypeFor(typeOf(schema)).slice(0, 2)) {
      out.push({ ...base, kind: 'wrong_type', name: `${name} = ${JSON.stringify(wrong)}`, body: JSON.stringify({ ...plausible, [name]: wrong }) });
    }
    if (typeOf(schema) === 'string' && !isFreeText(schema)) {
      for (const value of [...INJECTIONS.slice(0, 2), TRAVERSALS[0], '\u0000']) {
        out.push({ ...base, kind: 'injection', name: `${name} = ${JSON.stringify(value)}`, body: JSON.stringify({ ...plausible, [name]: value }) });
      }
    }
    // Deep: a plausible body with one value the database cannot hold.
    if (isFreeText(schema)) {
      for (const value of ['a\u0000b']) out.push({ ...base, kind: 'unicode', name: `${name} holds NUL`, body: JSON.stringify({ ...plausible, [name]: value }), expect: 'not_5xx', deep: true });
    }
    const t = typeOf(schema);
    if ((t === 'integer' || t === 'number') && schema.maximum === undefined) {
      for (const value of [1e20, -1e20]) out.push({ ...base, kind: 'number', name: `${name} = ${value}`, body: JSON.stringify({ ...plausible, [name]: value }), expect: 'not_5xx', deep: true });
    }
  }
  return dedupe(out);
}

function paramCases(op: Operation, fx: Fixtures): HostileCase[] {
  const out: HostileCase[] = [];
  const hostile = [...INJECTIONS, ...TRAVERSALS, ...NUMBERS, ...UNICODE];
  const body = op.body ? JSON.stringify(plausibleBody(op, fx)) : undefined;
  for (const p of op.parameters.filter((x) => x.in === 'path')) {
    for (const value of hostile) {
      const raw = value.includes('%') && TRAVERSALS.includes(value) ? value : enc(value);
      out.push({ group: op.group, kind: kindOf(value), name: `path ${p.name} = ${JSON.stringify(value).slice(0, 40)}`, method: op.method, url: urlOf(op, fx, { [p.name]: raw }), body, as: 'admin', expect: op.write ? 'refused' : 'not_5xx' });
    }
  }
  for (const p of op.parameters.filter((x) => x.in === 'query')) {
    for (const value of hostile) {
      out.push({ group: op.group, kind: kindOf(value), name: `query ${p.name} = ${JSON.stringify(value).slice(0, 40)}`, method: op.method, url: urlOf(op, fx, {}, `${enc(p.name)}=${enc(value)}`), body, as: 'admin', expect: op.write ? 'refused' : 'not_5xx' });
    }
    // Parameter pollution: the same parameter twice.
    out.push({ group: op.group, kind: 'pollution', name: `query ${p.name} twice`, method: op.method, url: urlOf(op, fx, {}, `${enc(p.name)}=a&${enc(p.name)}=b`), body, as: 'admin', expect: 'not_5xx' });
  }
  return out;
}

/** Tenant B on tenant A's resources, and an officer of gate X at gate Y: never a success. */
function tenantCases(op: Operation, fx: Fixtures): HostileCase[] {
  const out: HostileCase[] = [];
  const body = op.body ? JSON.stringify(plausibleBody(op, fx)) : undefined;
  const resource = resourceOf(op.path);
  // An enterprise user may read the enterprise itself only when it is theirs; accounts, tokens
  // and enterprises of others are never theirs.
  if (resource) out.push({ group: op.group, kind: 'cross_tenant', name: `enterprise B on A's ${resource}`, method: op.method, url: urlOf(op, fx, {}, '', 'a'), body, as: 'b', expect: 'not_2xx' });
  const gateParam = op.parameters.find((p) => p.name === 'gateId' && (p.in === 'path' || p.in === 'query'));
  const gateWrite = op.write && op.path.startsWith('/api/v1/gates/{id}');
  if (gateParam || gateWrite) {
    const url = gateParam?.in === 'query' ? urlOf(op, fx, {}, `gateId=${fx.gateY}`) : urlOf(op, fx, { gateId: fx.gateY, ...(gateWrite ? { id: fx.gateY } : {}) });
    // Gate data anyone may read (the public registry and its calendar) is not out of scope.
    const publicRead = !op.write && (op.path.startsWith('/api/v1/gates') || op.group === 'public');
    const forbidden = [fx.b.tripId, fx.b.enterpriseId];
    if (!publicRead) out.push({ group: op.group, kind: 'out_of_scope', name: `officer of ${fx.gateX} at ${fx.gateY}`, method: op.method, url, body, as: 'officerX', expect: op.write ? 'not_2xx' : 'no_leak', forbidden });
  }
  if (op.path.startsWith('/api/v1/trips/{id}') && !op.path.endsWith('/files/{fileId}')) {
    out.push({ group: op.group, kind: 'out_of_scope', name: `officer of ${fx.gateX} on a trip at ${fx.gateY}`, method: op.method, url: urlOf(op, fx, {}, '', 'b'), body, as: 'officerX', expect: 'not_2xx' });
  }
  // Routes of later capabilities that name a trip, a yard or a control by another parameter.
  const names = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  if (names.includes('tripId')) {
    const url = urlOf(op, fx, { tripId: fx.b.tripId });
    out.push({ group: op.group, kind: 'out_of_scope', name: `officer of ${fx.gateX} on a trip at ${fx.gateY}`, method: op.method, url, body, as: 'officerX', expect: 'not_2xx' });
    out.push({ group: op.group, kind: 'out_of_scope', name: `customs of ${fx.gateX} on a trip at ${fx.gateY}`, method: op.method, url, body, as: 'customsX', expect: 'not_2xx' });
    out.push({ group: op.group, kind: 'cross_tenant', name: "enterprise A on B's trip", method: op.method, url, body, as: 'a', expect: 'not_2xx' });
  }
  if (names.includes('yardId') && fx.yardY) {
    out.push({ group: op.group, kind: 'out_of_scope', name: `officer of ${fx.gateX} at a yard of ${fx.gateY}`, method: op.method, url: urlOf(op, fx, { yardId: fx.yardY }), body, as: 'officerX', expect: 'not_2xx' });
  }
  if (names.includes('controlId') && fx.b.controlId) {
    out.push({ group: op.group, kind: 'out_of_scope', name: `customs of ${fx.gateX} on a control at ${fx.gateY}`, method: op.method, url: urlOf(op, fx, { controlId: fx.b.controlId }), body, as: 'customsX', expect: 'not_2xx' });
  }
  if (names.includes('reference') && fx.a.passToken) {
    // The driver page: A's signed pass does not open B's trip.
    out.push({ group: op.group, kind: 'cross_tenant', name: "A's pass on B's trip page", method: op.method, url: `${urlOf(op, fx, { reference: enc(fx.b.reference) })}?pass=${enc(fx.a.passToken)}`, as: 'anonymous', expect: 'not_2xx' });
  }
  return out;
}

function kindOf(value: string): string {
  if (INJECTIONS.includes(value)) return 'injection';
  if (TRAVERSALS.includes(value)) return 'traversal';
  if (NUMBERS.includes(value)) return 'number';
  return 'unicode';
}

function dedupe(cases: HostileCase[]): HostileCase[] {
  const seen = new Set<string>();
  return cases.filter((c) => {
    const key = `${c.method} ${c.url} ${c.as} ${c.contentType ?? ''} ${c.body ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Routes whose hostile requests would change the world outside the database (none today). */
const SKIP = [/^\/api\/v1\/auth\/logout$/];

export function buildCorpus(doc: unknown, fx: Fixtures, options: { bodyLimit: number }): HostileCase[] {
  const ops = operationsOf(doc as Parameters<typeof operationsOf>[0]).filter((op) => !SKIP.some((r) => r.test(op.path)));
  return dedupe(ops.flatMap((op) => [...bodyCases(op, fx, options.bodyLimit), ...paramCases(op, fx), ...tenantCases(op, fx)]));
}

/** A deterministic subset for the fast test: every tenant case, every kind per group, then every n-th. */
export function sampleCorpus(cases: HostileCase[], every: number): HostileCase[] {
  const seen = new Set<string>();
  return cases.filter((c, i) => {
    const key = `${c.group}/${c.kind}`;
    if (c.kind === 'cross_tenant' || c.kind === 'out_of_scope' || !seen.has(key)) {
      seen.add(key);
      return true;
    }
    return i % every === 0;
  });
}

export type { Schema };
