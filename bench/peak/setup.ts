import { DEFAULT_DEMO_PASSWORD } from '../../server/src/db/seed-demo';
import { Client, expectStatus, login, newKey } from '../lib/http';
import { runBounded } from '../lib/pool';
import { withClient } from '../lib/postgres';
import type { GateProfile, PeakProfile, PlannedTrip } from './day';
import type { BenchGate } from './gate-setup';

// The world a peak day needs, made once before the clock starts: the benchmark gates (reference
// data, so written as SQL like the seed writes gates), then through the API as an administrator
// would: enterprises, their accounts and API tokens, and each enterprise's trucks and drivers.

export interface BenchEnterprise {
  index: number;
  id: string;
  username: string;
  client: Client;
  payerAccount: string;
}

export interface BenchWorld {
  anonymous: Client;
  admin: Client;
  adminCookie: string;
  enterprises: BenchEnterprise[];
  vehicleIds: Map<number, string>;
  driverIds: Map<number, string>;
  /** Officer sessions per gate and role (customs, border_guard, yard_operator, …). */
  officers: Map<string, Map<string, Client>>;
  password: string;
  /** Yards, cameras and camera tokens of the benchmark gates (when the yards capability exists). */
  gates?: Map<string, BenchGate>;
  setupSeconds: number;
  setupRequests: number;
}

const BENCH_PASSWORD = 'Bench@2026-cks';

/** Registers the benchmark gates with their hours and capacities (idempotent). */
export async function registerGates(databaseUrl: string, profile: PeakProfile, volumes: Map<string, { export: number; import: number }>): Promise<void> {
  await withClient(databaseUrl, async (db) => {
    for (const g of profile.gates) {
      const v = volumes.get(g.id) ?? { export: 0, import: 0 };
      const capacity = (n: number) => Math.max(10, Math.ceil(n * 1.3));
      await db.query(
        `insert into gates (id, province, name_vi, name_en, counterpart_name_vi, class, status, traffic, time_zone,
           counterpart_time_zone, capacity_export_per_day, capacity_import_per_day, notes)
         values ($1, 'LS', $2, $3, $4, $5, 'operating', array['goods'], 'Asia/Ho_Chi_Minh', 'Asia/Shanghai', $6, $7, $8)
         on conflict (id) do update set capacity_export_per_day = excluded.capacity_export_per_day,
           capacity_import_per_day = excluded.capacity_import_per_day`,
        [g.id, g.nameVi, `${g.modelledOn} (benchmark)`, g.modelledOn, g.class, capacity(v.export), capacity(v.import), JSON.stringify({ en: 'Benchmark gate created by npm run bench' })],
      );
      await db.query('delete from gate_weekly_hours where gate_id = $1', [g.id]);
      for (let weekday = 1; weekday <= 7; weekday++) {
        await db.query('insert into gate_weekly_hours (gate_id, weekday, opens, closes) values ($1, $2, $3, $4)', [g.id, weekday, g.hours.opens, g.hours.closes]);
      }
      await db.query(
        `insert into gate_versions (gate_id, version, snapshot, changed_by_label, reason)
         values ($1, 1, $2, 'system:bench', 'Benchmark gate') on conflict do nothing`,
        [g.id, JSON.stringify(g)],
      );
    }
  });
}

/** Agencies of the benchmark province, so officers can be assigned to the benchmark gates. */
export async function registerAgencies(databaseUrl: string): Promise<Record<string, string>> {
  const agencies: Record<string, string> = {
    customs: 'bench-ls-haiquan',
    border_guard: 'bench-ls-bdbp',
    plant_quarantine: 'bench-ls-kdtv',
    animal_quarantine: 'bench-ls-kddv',
    health_quarantine: 'bench-ls-kdyt',
    gate_authority: 'bench-ls-bqlkkt',
    yard_operator: 'bench-ls-bqlkkt',
  };
  const kinds: Record<string, string> = { customs: 'customs', border_guard: 'border_guard', plant_quarantine: 'plant_quarantine', animal_quarantine: 'animal_quarantine', health_quarantine: 'health_quarantine', gate_authority: 'gate_authority', yard_operator: 'gate_authority' };
  await withClient(databaseUrl, async (db) => {
    for (const [role, code] of Object.entries(agencies)) {
      await db.query(
        `insert into agencies (code, province, kind, name_vi, name_en) values ($1, 'LS', $2, $3, $4) on conflict (code) do nothing`,
        [code, kinds[role], `${role} (benchmark, Lạng Sơn)`, `${role} (benchmark, Lạng Sơn)`],
      );
    }
  });
  return agencies;
}

export const OFFICER_ROLES = ['customs', 'border_guard', 'plant_quarantine', 'animal_quarantine', 'health_quarantine', 'yard_operator', 'gate_authority'] as const;

export interface SetupOptions {
  baseUrl: string;
  databaseUrl: string;
  profile: PeakProfile;
  trips: PlannedTrip[];
  concurrency: number;
  gates?: GateProfile[];
}

export async function setUpWorld(options: SetupOptions): Promise<BenchWorld> {
  const started = performance.now();
  let requests = 0;
  const anonymous = new Client(options.baseUrl, undefined, options.concurrency * 2);
  const count = <T>(p: Promise<T>) => {
    requests++;
    return p;
  };
  const volumes = new Map<string, { export: number; import: number }>();
  for (const t of options.trips) {
    const v = volumes.get(t.gateId) ?? { export: 0, import: 0 };
    v[t.direction]++;
    volumes.set(t.gateId, v);
  }
  await registerGates(options.databaseUrl, options.profile, volumes);
  const agencies = await registerAgencies(options.databaseUrl);
  const adminCookie = await count(login(anonymous, 'admin', process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD));
  const admin = anonymous.as({ cookie: adminCookie });

  // Officers: one account per gate and role, signed in once.
  const officers = new Map<string, Map<string, Client>>();
  for (const gate of options.profile.gates) {
    const byRole = new Map<string, Client>();
    for (const role of OFFICER_ROLES) {
      const username = `bench.${role.replace(/_/g, '')}.${gate.id.replace('bench-', '').replace(/-/g, '')}`.slice(0, 64);
      await ensureAccount(admin, { username, displayName: `${role} ${gate.nameVi}`, password: BENCH_PASSWORD, role, agencyCode: agencies[role], gateIds: [gate.id] }, () => requests++);
      byRole.set(role, anonymous.as({ cookie: await count(login(anonymous, username, BENCH_PASSWORD)) }));
    }
    officers.set(gate.id, byRole);
  }

  // Enterprises that appear in the day, each with its administrator and an API token.
  const used = [...new Set(options.trips.map((t) => t.enterprise))].sort((a, b) => a - b);
  const enterprises: BenchEnterprise[] = [];
  await runBounded(used, { concurrency: Math.min(8, options.concurrency), deadlineMs: 600_000 }, async (index) => {
    const taxCode = `49${String(10000000 + index).padStart(8, '0')}`;
    const created = await count(admin.post<{ id: string }>('/api/v1/enterprises', { taxCode, name: `Công ty TNHH Logistics Biên mậu ${String(index + 1).padStart(3, '0')} (benchmark)`, address: 'Đồng Đăng, Lạng Sơn' }, { idempotencyKey: `bench-ent-${taxCode}` }));
    let id: string;
    if (created.status === 201) id = created.body.id;
    else {
      const found = expectStatus(await count(admin.get<{ items: Array<{ id: string }> }>(`/api/v1/enterprises?q=${taxCode}`)), 200);
      id = found.body.items[0].id;
    }
    const username = `bench.dn${String(index + 1).padStart(3, '0')}`;
    await ensureAccount(admin, { username, displayName: `Khai báo viên ${index + 1}`, password: BENCH_PASSWORD, role: 'enterprise', enterpriseId: id, isOrgAdmin: true }, () => requests++);
    const session = anonymous.as({ cookie: await count(login(anonymous, username, BENCH_PASSWORD)) });
    const token = expectStatus(
      await count(session.post<{ secret: string }>('/api/v1/tokens', { name: 'benchmark integration', scopes: ['trips:read', 'trips:write', 'fleet:write', 'enterprises:read'] }, { idempotencyKey: newKey('bench-token') })),
      201,
    ).body.secret;
    enterprises.push({ index, id, username, client: anonymous.as({ token }), payerAccount: `9704${String(10_000_000_000 + index).padStart(12, '0')}` });
  });
  enterprises.sort((a, b) => a.index - b.index);
  const byIndex = new Map(enterprises.map((e) => [e.index, e]));

  // One truck and one driver per trip of the day.
  const vehicleIds = new Map<number, string>();
  const driverIds = new Map<number, string>();
  await runBounded(options.trips, { concurrency: options.concurrency, deadlineMs: 900_000 }, async (t) => {
    const e = byIndex.get(t.enterprise)!;
    const vehicle = expectStatus(
      await count(
        e.client.post<{ id: string }>(
          '/api/v1/vehicles',
          {
            plate: t.truck.plate,
            plateCountry: t.truck.plateCountry,
            type: t.truck.type,
            axles: t.truck.axles,
            tonnageCapacity: t.truck.tonnageCapacity,
            containerNumbers: t.truck.containerNumber ? [t.truck.containerNumber] : [],
            inspectionExpiresOn: '2029-12-31',
          },
          { idempotencyKey: `bench-vehicle-${t.seq}` },
        ),
      ),
      201,
    );
    vehicleIds.set(t.seq, vehicle.body.id);
    const driver = expectStatus(
      await count(e.client.post<{ id: string }>('/api/v1/drivers', { ...t.driver, documentExpiresOn: '2030-12-31', phone: `+84 912 ${String(100000 + t.seq).slice(-6)}` }, { idempotencyKey: `bench-driver-${t.seq}` })),
      201,
    );
    driverIds.set(t.seq, driver.body.id);
  });
  if (vehicleIds.size !== options.trips.length) throw new Error(`setup registered ${vehicleIds.size} of ${options.trips.length} trucks`);
  return { anonymous, admin, adminCookie, enterprises, vehicleIds, driverIds, officers, password: BENCH_PASSWORD, setupSeconds: (performance.now() - started) / 1000, setupRequests: requests };
}

async function ensureAccount(admin: Client, body: Record<string, unknown>, counted: () => void): Promise<void> {
  counted();
  const res = await admin.post('/api/v1/accounts', body, { idempotencyKey: `bench-account-${body.username}` });
  if (res.status === 201 || res.status === 409) return;
  expectStatus(res, 201);
}
