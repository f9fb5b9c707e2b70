// Ids of real resources of two enterprises and two gates from the demo data, so that hostile and
// cross-tenant requests reach the code behind the route (a made-up id stops at "not found").
//
// Tenant A: Nông sản Cao Bằng (dn.nongsan, a paid durian trip at Trà Lĩnh, with its payment).
// Tenant B: Logistics Thanh Thủy (dn.thanhthuy, a trip at Thanh Thủy).
// Officers of gate X (Trà Lĩnh): bql.tralinh (gate authority), haiquan.tralinh (customs); gate Y: thanh-thuy.

export type Query = (text: string) => Promise<Array<Record<string, unknown>>>;

export interface TenantIds {
  enterpriseId: string;
  tripId: string;
  paymentId: string | null;
  vehicleId: string;
  driverId: string;
  userId: string;
  tokenId: string | null;
  reference: string;
  /** The signed pass of the trip, when it has one (the driver page's credential). */
  passToken: string | null;
  /** A clearance control of the trip (customs first), when the clearance capability made one. */
  controlId: string | null;
}

export interface Fixtures {
  a: TenantIds;
  b: TenantIds;
  gateX: string;
  gateY: string;
  /** A yard at gate Y, when the yards capability has one. */
  yardY: string | null;
  planId: string | null;
  /** Any other ids found by column name, for routes added later (yards, clearance…). */
  extra: Record<string, string>;
}

async function tenant(query: Query, username: string): Promise<TenantIds> {
  const [user] = await query(`select id, enterprise_id from users where username = '${username}'`);
  if (!user) throw new Error(`demo account ${username} missing: the hostile drill needs the demo data`);
  const e = String(user.enterprise_id);
  const [trip] = await query(`select id, reference from trips where enterprise_id = '${e}' order by (status = 'paid') desc, created_at limit 1`);
  const [pass] = await query(`select token from gate_passes where trip_id = '${String(trip.id)}' and status = 'valid' limit 1`);
  const [control] = await query(`select id from clearance_controls where trip_id = '${String(trip.id)}' order by (agency = 'customs') desc limit 1`).catch(() => [] as Array<Record<string, unknown>>);
  const [payment] = await query(`select p.id from payments p join trips t on t.id = p.trip_id where t.enterprise_id = '${e}' limit 1`);
  const [vehicle] = await query(`select id from vehicles where enterprise_id = '${e}' limit 1`);
  const [driver] = await query(`select id from drivers where enterprise_id = '${e}' limit 1`);
  const [token] = await query(`select id from api_tokens where user_id = '${String(user.id)}' limit 1`);
  return {
    enterpriseId: e,
    tripId: String(trip.id),
    paymentId: payment ? String(payment.id) : null,
    vehicleId: String(vehicle.id),
    driverId: String(driver.id),
    userId: String(user.id),
    tokenId: token ? String(token.id) : null,
    reference: String(trip.reference),
    passToken: pass ? String(pass.token) : null,
    controlId: control ? String(control.id) : null,
  };
}

export async function discoverFixtures(query: Query): Promise<Fixtures> {
  const [plan] = await query('select id from plans order by id limit 1').catch(() => [] as Array<Record<string, unknown>>);
  const extra: Record<string, string> = {};
  // Routes of later capabilities name their own ids; take one of each where a table has one.
  const candidates: Array<[string, string]> = [
    ['yardId', "select id from yards where gate_id = 'tra-linh' limit 1"],
    ['readingId', 'select id from yard_plate_readings limit 1'],
    ['flagId', 'select id from yard_flags limit 1'],
    ['controlId', 'select id from clearance_controls limit 1'],
    ['noticeId', 'select id from gate_notices limit 1'],
  ];
  for (const [name, text] of candidates) {
    const rows = await query(text).catch(() => [] as Array<Record<string, unknown>>);
    if (rows[0]) extra[name] = String(rows[0].id);
  }
  const [yardY] = await query(`select id from yards where gate_id = 'thanh-thuy' limit 1`).catch(() => [] as Array<Record<string, unknown>>);
  return {
    yardY: yardY ? String(yardY.id) : null,
    a: await tenant(query, 'dn.nongsan'),
    b: await tenant(query, 'dn.thanhthuy'),
    gateX: 'tra-linh',
    gateY: 'thanh-thuy',
    planId: plan ? String(plan.id) : null,
    extra,
  };
}
