import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dbKinds, type TestApp } from '../../test/harness';

describe.each(dbKinds())('HS look-up on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  it('describes a subheading and an 8-digit national code, without an account', async () => {
    const durian = await t.app.inject({ method: 'GET', url: '/api/v1/hs/081060' });
    expect(durian.statusCode).toBe(200);
    expect(durian.json()).toMatchObject({ hs6: '081060', chapter: '08', national: false, description: expect.stringMatching(/durian/i) });
    const national = await t.app.inject({ method: 'GET', url: `/api/v1/hs/${encodeURIComponent('0810.60.00')}` });
    expect(national.json()).toMatchObject({ code: '08106000', hs6: '081060', national: true });
  });

  it('answers 404 for a code that is not in HS 2022 and 400 for one that is not digits', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/hs/999998' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'hs.not_found']);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/hs/abc' })).statusCode).toBe(400);
  });
});
