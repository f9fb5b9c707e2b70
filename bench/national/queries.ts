import type { Api } from '../peak/api';
import { Client, expectStatus, login, newKey } from '../lib/http';
import { summarise, type Percentiles } from '../lib/stats';
import { withClient } from '../lib/postgres';

// Read queries over a year of history, each timed through the API (the way the board, the
// statistics page, the clearance worklist and the enterprise's trip list call them). A query whose
// route does not exist yet is reported "not measured" with the reason.

export interface QueryTiming extends Percentiles {
  route: string;
  status: number;
  bytes: number;
}

export interface QueryReport {
  timings: Record<string, QueryTiming>;
  notMeasured: Record<string, string>;
}

interface Probe {
  name: string;
  /** Routes (METHOD path template) that must exist. */
  needs: string[];
  as: 'admin' | 'bigEnterprise' | 'customs' | 'gateAuthority';
  url: string;
}

export interface QueryContext {
  baseUrl: string;
  databaseUrl: string;
  api: Api;
  adminCookie: string;
  customsCookie: string;
  gateAuthorityCookie: string;
  gateId: string;
  today: string;
  yesterday: string;
  monthAgo: string;
  yearAgo: string;
  password: string;
}

/** The history's busiest enterprise, with an account so its trip list can be timed. */
async function bigEnterpriseCookie(ctx: QueryContext, client: Client): Promise<string> {
  const enterpriseId = await withClient(ctx.databaseUrl, async (db) => (await db.query<{ id: string }>(`select enterprise_id as id from trips group by enterprise_id order by count(*) desc limit 1`)).rows[0].id);
  const admin = client.as({ cookie: ctx.adminCookie });
  const res = await admin.post('/api/v1/accounts', { username: 'bench.bigenterprise', displayName: 'Busiest enterprise (benchmark)', password: ctx.password, role: 'enterprise', enterpriseId, isOrgAdmin: true }, { idempotencyKey: newKey('bench-big') });
  if (res.status !== 201 && res.status !== 409) expectStatus(res, 201);
  return login(client, 'bench.bigenterprise', ctx.password);
}

export function probes(ctx: QueryContext): Probe[] {
  const g = ctx.gateId;
  return [
    { name: 'enterprise trip list (busiest enterprise, first page)', needs: ['GET /api/v1/trips'], as: 'bigEnterprise', url: '/api/v1/trips?limit=50' },
    { name: 'enterprise trip search by plate fragment', needs: ['GET /api/v1/trips'], as: 'bigEnterprise', url: '/api/v1/trips?q=14C-01&limit=50' },
    { name: 'gate trip list for today (admin)', needs: ['GET /api/v1/trips'], as: 'admin', url: `/api/v1/trips?gateId=${g}&from=${ctx.today}&to=${ctx.today}&limit=200` },
    { name: 'payment reconciliation of yesterday', needs: ['GET /api/v1/payments/reconciliation'], as: 'admin', url: `/api/v1/payments/reconciliation?date=${ctx.yesterday}` },
    { name: 'yard queue of the gate (exports)', needs: ['GET /api/v1/yards/queue'], as: 'gateAuthority', url: `/api/v1/yards/queue?gateId=${g}&direction=export` },
    { name: 'measured times, last 30 days', needs: ['GET /api/v1/yards/timings'], as: 'gateAuthority', url: `/api/v1/yards/timings?gateId=${g}&from=${ctx.monthAgo}&to=${ctx.today}` },
    { name: 'capacity settings of the gate', needs: ['GET /api/v1/gates/{id}/capacity'], as: 'gateAuthority', url: `/api/v1/gates/${g}/capacity` },
    { name: 'free capacity, next 14 days (public)', needs: ['GET /api/v1/gates/{id}/availability'], as: 'admin', url: `/api/v1/gates/${g}/availability?date=${ctx.today}&direction=export&days=14` },
    { name: 'bookings overview, 31 days', needs: ['GET /api/v1/gates/{id}/bookings-overview'], as: 'gateAuthority', url: `/api/v1/gates/${g}/bookings-overview?from=${ctx.monthAgo}&days=31` },
    { name: 'no-show report', needs: ['GET /api/v1/capacity/no-shows'], as: 'gateAuthority', url: `/api/v1/capacity/no-shows?gateId=${g}` },
    { name: 'customs worklist (open controls)', needs: ['GET /api/v1/clearance/worklist'], as: 'customs', url: `/api/v1/clearance/worklist?gateId=${g}` },
    { name: 'customs worklist, all controls of the gate', needs: ['GET /api/v1/clearance/worklist'], as: 'customs', url: `/api/v1/clearance/worklist?gateId=${g}&status=all&limit=200` },
    { name: 'operations board of the gate', needs: ['GET /api/v1/operations/board'], as: 'gateAuthority', url: `/api/v1/operations/board?gateId=${g}` },
    { name: 'operations board, every gate (admin)', needs: ['GET /api/v1/operations/board'], as: 'admin', url: '/api/v1/operations/board' },
    { name: 'public congestion feed (JSON)', needs: ['GET /api/v1/public/congestion'], as: 'admin', url: '/api/v1/public/congestion' },
    { name: 'statistics of the gate, last 30 days', needs: ['GET /api/v1/statistics/daily'], as: 'gateAuthority', url: `/api/v1/statistics/daily?gateId=${g}&from=${ctx.monthAgo}&to=${ctx.today}` },
    { name: 'statistics of every gate, a whole year (admin)', needs: ['GET /api/v1/statistics/daily'], as: 'admin', url: `/api/v1/statistics/daily?from=${ctx.yearAgo}&to=${ctx.today}` },
    { name: 'leaders view of a province', needs: ['GET /api/v1/statistics/leaders'], as: 'admin', url: '/api/v1/statistics/leaders?province=CB' },
  ];
}

export async function timeQueries(ctx: QueryContext, probeList: Probe[], repeat: number): Promise<QueryReport> {
  const client = new Client(ctx.baseUrl, undefined, 4);
  const report: QueryReport = { timings: {}, notMeasured: {} };
  let big: string | null = null;
  for (const probe of probeList) {
    const missing = probe.needs.filter((r) => !ctx.api.routes.has(r));
    if (missing.length > 0) {
      report.notMeasured[probe.name] = `route not in the API: ${missing.join(', ')}`;
      continue;
    }
    if (probe.as === 'bigEnterprise' && !big) big = await bigEnterpriseCookie(ctx, client);
    const cookie = { admin: ctx.adminCookie, bigEnterprise: big!, customs: ctx.customsCookie, gateAuthority: ctx.gateAuthorityCookie }[probe.as];
    const c = client.as({ cookie });
    const times: number[] = [];
    let status = 0;
    let bytes = 0;
    for (let i = 0; i < repeat; i++) {
      const res = await c.get(probe.url, { timeoutMs: 120_000 });
      status = res.status;
      bytes = res.text.length;
      if (res.status !== 200) break;
      times.push(res.ms);
    }
    if (status !== 200) report.notMeasured[probe.name] = `answered ${status} on ${probe.url}`;
    else report.timings[probe.name] = { ...summarise(times), route: probe.url, status, bytes };
  }
  client.close();
  return report;
}
