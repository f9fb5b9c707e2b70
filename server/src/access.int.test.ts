import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databaseFingerprint, dbKinds, DEMO_PASSWORD, login, type TestApp } from '../test/harness';

// The access-control matrix: every role against every route group. The expectations are
// written out by hand from shared/roles.ts (permissions per role, org admin extras) and the
// scope rules of the services (gate assignments, own enterprise only, 404 outside it). They
// are never computed by the code under test.
//
// Cells: ok 200 · new 201 · done 204 · anon 401 auth.unauthenticated · deny 403 auth.forbidden
//        out 403 auth.out_of_scope · scop 403 tokens.scope_not_allowed · hide 404 <x>.not_found

const CELLS = {
  ok: '200',
  new: '201',
  done: '204',
  anon: '401 auth.unauthenticated',
  deny: '403 auth.forbidden',
  out: '403 auth.out_of_scope',
  scop: '403 tokens.scope_not_allowed',
  hide: '404 not_found',
} as const;

// Columns: ptl/ptt = PATCH the Trà Lĩnh / Thanh Thủy gate, cal = PUT the Trà Lĩnh calendar,
// vers = its version history, accs/ents = the lists, accN/accT = GET a user of Nông sản /
// Thanh Thủy, +acc = create a driver, ~accN = PATCH nv.nongsan, entN/entT = GET the Nông sản /
// Thanh Thủy enterprise, agcy = agencies, toks = my tokens, +tok = create a token with
// token-scope (something the role holds, when it holds anything), -tok = revoke a token that
// belongs to somebody else, pwd = change my own password.
const MATRIX_TABLE = `
  role              token-scope      gates gate ptl  ptt  cal  vers accs accN accT +acc ~accN ents +ent entN entT agcy toks +tok -tok audit me   pwd
  anonymous         audit:read       ok    ok   anon anon anon anon anon anon anon anon anon  anon anon anon anon ok   anon anon anon anon  anon anon
  admin             audit:read       ok    ok   ok   ok   ok   ok   ok   ok   ok   new  ok    ok   new  ok   ok   ok   ok   new  ok   ok    ok   done
  lanhdao.caobang   audit:read       ok    ok   deny deny deny ok   ok   ok   ok   deny deny  ok   deny ok   ok   ok   deny deny deny ok    ok   done
  bql.tralinh       audit:read       ok    ok   ok   out  ok   ok   deny deny deny deny deny  deny deny deny deny ok   ok   new  hide ok    ok   done
  bql.thanhthuy     audit:read       ok    ok   out  ok   out  out  deny deny deny deny deny  deny deny deny deny ok   ok   new  hide ok    ok   done
  haiquan.tralinh   audit:read       ok    ok   deny deny deny deny deny deny deny deny deny  deny deny deny deny ok   deny deny deny deny  ok   done
  bienphong.tralinh audit:read       ok    ok   deny deny deny deny deny deny deny deny deny  deny deny deny deny ok   deny deny deny deny  ok   done
  kdtv.tralinh      audit:read       ok    ok   deny deny deny deny deny deny deny deny deny  deny deny deny deny ok   deny deny deny deny  ok   done
  kddv.tralinh      audit:read       ok    ok   deny deny deny deny deny deny deny deny deny  deny deny deny deny ok   deny deny deny deny  ok   done
  kdyt.tralinh      audit:read       ok    ok   deny deny deny deny deny deny deny deny deny  deny deny deny deny ok   deny deny deny deny  ok   done
  bai.tralinh       audit:read       ok    ok   deny deny deny deny deny deny deny deny deny  deny deny deny deny ok   deny deny deny deny  ok   done
  soct.caobang      audit:read       ok    ok   deny deny deny deny deny deny deny deny deny  deny deny deny deny ok   deny deny deny deny  ok   done
  dn.nongsan        enterprises:read ok    ok   deny deny deny deny ok   ok   hide new  ok    ok   deny ok   hide ok   ok   new  hide deny  ok   done
  nv.nongsan        enterprises:read ok    ok   deny deny deny deny deny deny deny deny deny  ok   deny ok   hide ok   ok   new  hide deny  ok   done
  taixe.nongsan     enterprises:read ok    ok   deny deny deny deny deny deny deny deny deny  deny deny deny deny ok   deny deny deny deny  ok   done
  dn.thanhthuy      enterprises:read ok    ok   deny deny deny deny ok   hide ok   new  hide  ok   deny hide ok   ok   ok   new  hide deny  ok   done
  dulich.bangioc    enterprises:read ok    ok   deny deny deny deny ok   hide hide new  hide  ok   deny hide hide ok   ok   new  hide deny  ok   done
`;

const [HEADER, ...BODY] = MATRIX_TABLE.trim().split('\n').map((line) => line.trim().split(/\s+/));
const ROUTES = HEADER.slice(2);
const MATRIX = BODY.map(([user, scope, ...cells]) => {
  if (cells.length !== ROUTES.length) throw new Error(`row ${user} has ${cells.length} cells, not ${ROUTES.length}`);
  const row = Object.fromEntries(ROUTES.map((r, i) => [r, CELLS[cells[i] as keyof typeof CELLS] ?? `bad cell ${cells[i]}`]));
  return { user, scope, row };
});

const EXCEPT = ['sessions', 'auth_throttle', 'api_tokens'];
const PASSWORD = 'Throwaway-pass-2026';

describe.each(dbKinds())('access-control matrix on %s', (kind) => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  const ids: Record<string, string> = {};
  let foreignTokenId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const u of await t.db.selectFrom('users').select(['id', 'username']).execute()) ids[u.username] = u.id;
    for (const e of await t.db.selectFrom('enterprises').select(['id', 'tax_code']).execute()) ids[e.tax_code] = e.id;
    for (const { user } of MATRIX) if (user !== 'anonymous') cookies.set(user, await login(t.app, user));
    // "Somebody else's token": it belongs to a throw-away user who is not in the matrix.
    const owner = await t.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { cookie: cookies.get('admin')! },
      payload: { username: 'owner.tokens', displayName: 'Token owner', password: PASSWORD, role: 'enterprise', enterpriseId: ids['5100234567'] },
    });
    expect(owner.statusCode).toBe(201);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { cookie: await login(t.app, 'owner.tokens', PASSWORD) },
      payload: { name: 'owner integration', scopes: ['enterprises:read'] },
    });
    expect(created.statusCode).toBe(201);
    foreignTokenId = created.json().token.id;
  });
  afterAll(async () => t?.close());

  const version = async (table: 'gates' | 'users', id: string) =>
    (await t.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

  /** One request per column; bodies are valid and current, so only authorisation decides. */
  async function request(route: string, who: string, scope: string) {
    const N = ids['4800123456'];
    const T = ids['5100234567'];
    const reason = `access matrix: ${who}`;
    switch (route) {
      case 'gates': return { method: 'GET', url: '/api/v1/gates' } as const;
      case 'gate': return { method: 'GET', url: '/api/v1/gates/tra-linh' } as const;
      case 'ptl': return { method: 'PATCH', url: '/api/v1/gates/tra-linh', payload: { version: await version('gates', 'tra-linh'), reason } } as const;
      case 'ptt': return { method: 'PATCH', url: '/api/v1/gates/thanh-thuy', payload: { version: await version('gates', 'thanh-thuy'), reason } } as const;
      case 'cal': {
        const gate = (await t.app.inject({ method: 'GET', url: '/api/v1/gates/tra-linh' })).json();
        const payload = { version: gate.version, reason, weeklyHours: gate.weeklyHours, specialDays: gate.specialDays };
        return { method: 'PUT', url: '/api/v1/gates/tra-linh/calendar', payload } as const;
      }
      case 'vers': return { method: 'GET', url: '/api/v1/gates/tra-linh/versions' } as const;
      case 'accs': return { method: 'GET', url: '/api/v1/accounts' } as const;
      case 'accN': return { method: 'GET', url: `/api/v1/accounts/${ids['nv.nongsan']}` } as const;
      case 'accT': return { method: 'GET', url: `/api/v1/accounts/${ids['dn.thanhthuy']}` } as const;
      case '+acc': {
        const username = `mx.${who.replace(/[^a-z0-9.]/g, '')}`;
        return { method: 'POST', url: '/api/v1/accounts', payload: { username, displayName: 'Matrix driver', password: PASSWORD, role: 'driver', enterpriseId: N } } as const;
      }
      case '~accN': {
        const payload = { version: await version('users', ids['nv.nongsan']), reason, displayName: 'Phạm Văn Nam (khai báo viên)' };
        return { method: 'PATCH', url: `/api/v1/accounts/${ids['nv.nongsan']}`, payload } as const;
      }
      case 'ents': return { method: 'GET', url: '/api/v1/enterprises' } as const;
      case '+ent': {
        const taxCode = `49${String(MATRIX.findIndex((m) => m.user === who)).padStart(8, '0')}`;
        return { method: 'POST', url: '/api/v1/enterprises', payload: { taxCode, name: `Throw-away ${who}` } } as const;
      }
      case 'entN': return { method: 'GET', url: `/api/v1/enterprises/${N}` } as const;
      case 'entT': return { method: 'GET', url: `/api/v1/enterprises/${T}` } as const;
      case 'agcy': return { method: 'GET', url: '/api/v1/agencies' } as const;
      case 'toks': return { method: 'GET', url: '/api/v1/tokens' } as const;
      case '+tok': return { method: 'POST', url: '/api/v1/tokens', payload: { name: `matrix ${who}`, scopes: [scope] } } as const;
      case '-tok': return { method: 'DELETE', url: `/api/v1/tokens/${foreignTokenId}` } as const;
      case 'audit': return { method: 'GET', url: '/api/v1/audit' } as const;
      case 'me': return { method: 'GET', url: '/api/v1/me' } as const;
      case 'pwd': return { method: 'POST', url: '/api/v1/me/password', payload: { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD } } as const;
      default: throw new Error(`no request for column ${route}`);
    }
  }

  it.each(MATRIX)('$user gets exactly its row', async ({ user: who, scope, row }) => {
    const actual: Record<string, string> = {};
    for (const route of ROUTES) {
      const req = await request(route, who, scope);
      const write = req.method !== 'GET';
      const before = write ? await databaseFingerprint(t.db, EXCEPT) : null;
      const res = await t.app.inject({ ...req, headers: cookies.has(who) ? { cookie: cookies.get(who)! } : {} });
      let cell = String(res.statusCode);
      if (res.statusCode >= 400) {
        const code: string = res.json().code;
        cell += ` ${res.statusCode === 404 && code.endsWith('.not_found') ? 'not_found' : code}`;
        // A refused write changes nothing at all.
        if (before && JSON.stringify(await databaseFingerprint(t.db, EXCEPT)) !== JSON.stringify(before)) cell += ' BUT WROTE';
      }
      actual[route] = cell;
    }
    expect(actual).toEqual(row);
  });

  it('scopes what enterprise-side users see in the lists to their own enterprise', async () => {
    const accounts = await t.app.inject({ method: 'GET', url: '/api/v1/accounts', headers: { cookie: cookies.get('dn.thanhthuy')! } });
    const usernames = accounts.json().items.map((a: { username: string }) => a.username);
    expect(usernames).toContain('dn.thanhthuy');
    expect(usernames).toContain('owner.tokens');
    expect(usernames).not.toContain('dn.nongsan');
    expect(usernames).not.toContain('admin');
    const enterprises = await t.app.inject({ method: 'GET', url: '/api/v1/enterprises', headers: { cookie: cookies.get('nv.nongsan')! } });
    expect(enterprises.json().items.map((e: { taxCode: string }) => e.taxCode)).toEqual(['4800123456']);
    // The driver created by dn.thanhthuy in the matrix was put in its own enterprise, not Nông sản.
    const made = await t.db.selectFrom('users').select('enterprise_id').where('username', '=', 'mx.dn.thanhthuy').executeTakeFirstOrThrow();
    expect(made.enterprise_id).toBe(ids['5100234567']);
  });

  it('lets a gate authority read the audit trail of its own gates only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit?limit=500', headers: { cookie: cookies.get('bql.thanhthuy')! } });
    expect(res.statusCode).toBe(200);
    const items: Array<{ entityType: string; entityId: string }> = res.json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.entityType === 'gate' && i.entityId === 'thanh-thuy')).toBe(true);
  });
});
