import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databaseFingerprint, dbKinds, login, type TestApp } from '../../test/harness';

describe.each(dbKinds())('HTTP edge on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp(kind, { bodyLimitBytes: 4096 });
    admin = await login(t.app, 'admin');
  });
  afterAll(async () => t?.close());

  it('reports health with the database status', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { status: 'up', kind, schemaVersion: expect.stringMatching(/^\d{4}$/) } });
  });

  it('serves a valid OpenAPI 3.1 document that describes routes and their errors', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    await SwaggerParser.validate(structuredClone(doc));
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/gates', '/api/v1/gates/{id}', '/api/v1/auth/login', '/healthz']));
    const patch = doc.paths['/api/v1/gates/{id}'].patch;
    expect(Object.keys(patch.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409', '422']));
    expect(doc.components.schemas.Problem).toBeDefined();
    const docs = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  const hostile: Array<{ name: string; method: 'POST' | 'PATCH' | 'PUT'; url: string; payload?: string; contentType?: string; status: number; code: string }> = [
    { name: 'malformed JSON', method: 'PATCH', url: '/api/v1/gates/tra-linh', payload: '{"version": 1,', status: 400, code: 'request.malformed_json' },
    { name: 'empty JSON body', method: 'PATCH', url: '/api/v1/gates/tra-linh', payload: '', status: 400, code: 'request.malformed_json' },
    { name: 'wrong type', method: 'PATCH', url: '/api/v1/gates/tra-linh', payload: JSON.stringify({ version: '1', reason: 'typo test' }), status: 400, code: 'request.invalid' },
    { name: 'unknown field', method: 'PATCH', url: '/api/v1/gates/tra-linh', payload: JSON.stringify({ version: 1, reason: 'extra field', colour: 'red' }), status: 400, code: 'request.invalid' },
    { name: 'bad id', method: 'PATCH', url: '/api/v1/gates/..%2Fetc', payload: JSON.stringify({ version: 1, reason: 'bad id' }), status: 400, code: 'request.invalid' },
    { name: 'unknown gate', method: 'PATCH', url: '/api/v1/gates/no-such-gate', payload: JSON.stringify({ version: 1, reason: 'missing' }), status: 404, code: 'gates.not_found' },
    { name: 'oversized body', method: 'PUT', url: '/api/v1/gates/tra-linh/calendar', payload: JSON.stringify({ version: 1, reason: 'x'.repeat(10_000), weeklyHours: [], specialDays: [] }), status: 413, code: 'request.body_too_large' },
    { name: 'form body', method: 'POST', url: '/api/v1/accounts', payload: 'username=x', contentType: 'application/x-www-form-urlencoded', status: 415, code: 'request.unsupported_media_type' },
    { name: 'SQL in a search term is data', method: 'POST', url: '/api/v1/accounts', payload: JSON.stringify({ username: "x'; drop table users; --", displayName: 'x', password: 'abc', role: 'admin' }), status: 400, code: 'request.invalid' },
    { name: 'impossible date', method: 'PUT', url: '/api/v1/gates/tra-linh/calendar', payload: JSON.stringify({ version: 1, reason: 'bad date', weeklyHours: [], specialDays: [{ date: '2027-02-30', kind: 'closed', nameVi: 'x' }] }), status: 400, code: 'request.invalid' },
  ];

  it.each(hostile)('refuses $name with $status $code and writes nothing', async (c) => {
    const before = await databaseFingerprint(t.db, ['sessions']);
    const res = await t.app.inject({
      method: c.method,
      url: c.url,
      payload: c.payload,
      headers: { cookie: admin, 'content-type': c.contentType ?? 'application/json' },
    });
    expect(res.statusCode).toBe(c.status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body).toMatchObject({ status: c.status, code: c.code, messages: { vi: expect.any(String), en: expect.any(String) } });
    expect(body.requestId).toBe(res.headers['x-request-id']);
    expect(await databaseFingerprint(t.db, ['sessions'])).toEqual(before);
  });

  it('lists every validation problem at once with its path', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/gates/tra-linh',
      headers: { cookie: admin },
      payload: { version: 0, reason: 'x', capacity: { exportPerDay: -1, importPerDay: 'many' } },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body/version', 'body/reason', 'body/capacity/exportPerDay', 'body/capacity/importPerDay']));
  });

  it('answers unknown API routes with a problem, and web routes with the app', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('request.route_not_found');
  });

  it('keeps a valid incoming request id and echoes it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/gates/tra-linh', headers: { 'x-request-id': 'trace-12345678' } });
    expect(res.headers['x-request-id']).toBe('trace-12345678');
  });
});
