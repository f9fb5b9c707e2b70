import crypto from 'node:crypto';
import type { Fixtures } from './fixtures';

// Reading the server's own OpenAPI document: every operation with its parameters and body schema,
// and a plausible value for a schema (so a request gets past validation to the code behind it).

export interface Schema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  $ref?: string;
}

export interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  method: string;
  path: string;
  group: string;
  parameters: Parameter[];
  body: Schema | null;
  write: boolean;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, { tags?: string[]; parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
}

export function operationsOf(doc: OpenApiDoc): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const [method, op] of Object.entries(methods)) {
      const m = method.toUpperCase();
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(m)) continue;
      out.push({
        method: m,
        path,
        group: op.tags?.[0] ?? path.split('/')[3] ?? 'other',
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
        write: m !== 'GET',
      });
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

export const typeOf = (s: Schema): string | undefined => {
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null');
  if (s.type) return s.type;
  const branch = (s.anyOf ?? s.oneOf)?.find((b) => b.type !== 'null');
  return branch ? typeOf(branch) : undefined;
};

/** A string schema that accepts any text (no format, pattern or list): hostile text is data there. */
export function isFreeText(s: Schema): boolean {
  const branch = (s.anyOf ?? s.oneOf)?.find((b) => b.type !== 'null') ?? s;
  return typeOf(branch) === 'string' && !branch.format && !branch.pattern && !branch.enum && branch.const === undefined;
}

/** The tenant resource a path names, for cross-tenant requests (null: not a tenant resource). */
export function resourceOf(path: string): 'trip' | 'payment' | 'vehicle' | 'driver' | 'enterprise' | 'account' | 'token' | null {
  const m = /^\/api\/v1\/([a-z-]+)\/\{[a-zA-Z]+\}/.exec(path);
  if (!m) return null;
  const map: Record<string, ReturnType<typeof resourceOf>> = { trips: 'trip', payments: 'payment', vehicles: 'vehicle', drivers: 'driver', enterprises: 'enterprise', accounts: 'account', tokens: 'token' };
  return map[m[1]] ?? null;
}

/** The valid value of a path parameter for tenant A (the owner) or B. */
export function pathValue(path: string, name: string, fx: Fixtures, owner: 'a' | 'b' = 'a'): string {
  const t = fx[owner];
  const resource = resourceOf(path);
  if (name === 'gateId' || (path.startsWith('/api/v1/gates/') && name === 'id')) return fx.gateX;
  if (name === 'tripId') return t.tripId;
  if (name === 'id' && resource) {
    const byResource = { trip: t.tripId, payment: t.paymentId, vehicle: t.vehicleId, driver: t.driverId, enterprise: t.enterpriseId, account: t.userId, token: t.tokenId };
    return byResource[resource] ?? crypto.randomUUID();
  }
  if (name === 'id' && path.startsWith('/api/v1/plans/') && fx.planId) return fx.planId;
  if (fx.extra[name]) return fx.extra[name];
  if (name === 'code') return '081060';
  if (name === 'reference') return 'CKS-TRL-20270301-ABCDEF';
  return crypto.randomUUID();
}

/** A plausible value for a schema: the first of a list, a number in range, a well-formed string. */
export function sample(s: Schema, name: string, fx: Fixtures, depth = 0): unknown {
  if (depth > 4) return null;
  const branch = (s.anyOf ?? s.oneOf)?.find((b) => b.type !== 'null');
  if (branch) return sample(branch, name, fx, depth);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (typeOf(s)) {
    case 'integer':
      return Math.max(s.minimum ?? 1, 1);
    case 'number':
      return Math.max(s.minimum ?? 1, 1);
    case 'boolean':
      return false;
    case 'array':
      return s.minItems ? [sample(s.items ?? {}, name, fx, depth + 1)] : [];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = sample(s.properties?.[key] ?? {}, key, fx, depth + 1);
      return out;
    }
    case 'string':
      return sampleString(s, name, fx);
    default:
      return null;
  }
}

function sampleString(s: Schema, name: string, fx: Fixtures): string {
  if (s.format === 'uuid') return name === 'enterpriseId' ? fx.a.enterpriseId : crypto.randomUUID();
  if (s.format === 'date') return '2027-03-01';
  if (s.format === 'date-time') return '2027-03-01T01:00:00.000Z';
  if (s.format === 'email') return 'bench@example.org';
  if (name === 'gateId') return fx.gateX;
  if (name === 'reason') return 'hostile input drill';
  if (s.pattern === '^[0-9]{8,19}$') return '9704000000000018';
  const text = 'sample';
  return text.padEnd(Math.max(s.minLength ?? 0, text.length), 'x').slice(0, s.maxLength ?? 1000);
}
