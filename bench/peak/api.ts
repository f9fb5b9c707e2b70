import type { Client } from '../lib/http';

// What the server under test offers, read from its own OpenAPI document: a flow step whose routes
// are missing is reported as "not measured" instead of being faked.

export interface ApiOperation {
  parameters?: Array<{ in: string; name: string; required?: boolean }>;
  tags?: string[];
  summary?: string;
}

export interface Api {
  routes: Set<string>;
  operation(method: string, path: string): ApiOperation | undefined;
  has(method: string, path: string): boolean;
  /** Routes whose path starts with a prefix, e.g. '/api/v1/yards'. */
  under(prefix: string): string[];
}

export async function discoverApi(client: Client): Promise<Api> {
  const res = await client.get<{ paths: Record<string, Record<string, unknown>> }>('/openapi.json');
  if (res.status !== 200) throw new Error(`openapi.json: ${res.status}`);
  const routes = new Set<string>();
  for (const [path, ops] of Object.entries(res.body.paths)) {
    for (const method of Object.keys(ops)) routes.add(`${method.toUpperCase()} ${path}`);
  }
  return {
    routes,
    operation: (method, path) => res.body.paths[path]?.[method.toLowerCase()] as ApiOperation | undefined,
    has: (method, path) => routes.has(`${method.toUpperCase()} ${path}`),
    under: (prefix) => [...routes].filter((r) => r.split(' ')[1].startsWith(prefix)).sort(),
  };
}
