import type { LightMyRequestResponse } from 'fastify';
import type { ClearanceTripView, EnterpriseClearanceView, RiskRules } from '../../../../shared/schemas/clearance';
import type { DbKind } from '../../../test/harness';
import { addDriver, addVehicle, newKey, startKit, submittedTrip, tripBody, type Kit } from '../../trips/__fixtures__/trips.testkit';
import { riskRulesDataset } from '../reference';

// Shortcuts for the clearance integration tests, on top of the trips test kit (clock Monday
// 2027-03-01 08:00 in Vietnam; trips cross Trà Lĩnh on 2027-03-03).

export const OFFICERS = ['haiquan.tralinh', 'bienphong.tralinh', 'kdtv.tralinh', 'kddv.tralinh', 'kdyt.tralinh', 'bql.tralinh', 'bql.thanhthuy'];

export function startClearanceKit(kind: DbKind): Promise<Kit> {
  return startKit(kind, ['dn.nongsan', 'dn.thanhthuy', 'nv.nongsan', 'taixe.nongsan', 'admin', 'lanhdao.caobang', ...OFFICERS]);
}

/** The shipped rule set with no randomness, no minimum red share, and the given changes. */
export function quietRules(changes: Partial<RiskRules> = {}): RiskRules {
  const base = riskRulesDataset().data.rules;
  return { ...base, random: { red: 0, yellow: 0 }, quota: { ...base.quota, minRedShare: 0 }, ...changes };
}

export async function publish(kit: Kit, rules: RiskRules, reason = 'Quy tắc cho kiểm thử'): Promise<number> {
  const res = await kit.req('POST', '/api/v1/clearance/rule-sets', 'haiquan.tralinh', { reason, rules });
  if (res.statusCode !== 201) throw new Error(`publish: ${res.statusCode} ${res.body}`);
  return res.json().version;
}

/** A phytosanitary certificate: with approved codes and a green channel, plant quarantine passes automatically. */
export const PHYTO = { kind: 'phytosanitary_certificate', number: 'KDTV-2027-000123' };
export const CUSTOMS_DECLARATION = { kind: 'customs_declaration', number: '307512345670' };

export async function submitted(kit: Kit, overrides: Record<string, unknown> = {}, who = 'dn.nongsan') {
  return submittedTrip(kit, who, overrides);
}

export async function officerView(kit: Kit, tripId: string, who = 'haiquan.tralinh'): Promise<ClearanceTripView> {
  const res = await kit.req('GET', `/api/v1/clearance/trips/${tripId}`, who);
  if (res.statusCode !== 200) throw new Error(`officer view: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function enterpriseView(kit: Kit, tripId: string, who = 'dn.nongsan'): Promise<EnterpriseClearanceView> {
  const res = await kit.req('GET', `/api/v1/trips/${tripId}/clearance`, who);
  if (res.statusCode !== 200) throw new Error(`enterprise view: ${res.statusCode} ${res.body}`);
  return res.json();
}

export function controlOf(view: ClearanceTripView, kind: string) {
  const c = view.controls.find((x) => x.kind === kind);
  if (!c) throw new Error(`no ${kind} control; have ${view.controls.map((x) => x.kind).join(', ')}`);
  return c;
}

export function decide(kit: Kit, who: string, controlId: string, body: Record<string, unknown>, key = newKey('decide')): Promise<LightMyRequestResponse> {
  return kit.req('POST', `/api/v1/clearance/controls/${controlId}/decisions`, who, body, { 'idempotency-key': key });
}

/** Decides and expects 200; returns the officer's view after the decision. */
export async function decided(kit: Kit, who: string, controlId: string, body: Record<string, unknown>): Promise<ClearanceTripView> {
  const res = await decide(kit, who, controlId, body);
  if (res.statusCode !== 200) throw new Error(`decide ${body.outcome}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Declares and submits a trip whose driver has a phone (SMS) and the given trip fields; returns the submitted trip. */
export async function declare(kit: Kit, overrides: Record<string, unknown> = {}, driver: Record<string, unknown> = {}, who = 'dn.nongsan') {
  const vehicleId = await addVehicle(kit, who);
  const driverId = await addDriver(kit, who, { phone: '+84 912 000 111', ...driver });
  const created = await kit.req('POST', '/api/v1/trips', who, tripBody(vehicleId, driverId, overrides));
  if (created.statusCode !== 201) throw new Error(`create: ${created.statusCode} ${created.body}`);
  const res = await kit.req('POST', `/api/v1/trips/${created.json().id}/submit`, who, { version: created.json().version });
  if (res.statusCode !== 200) throw new Error(`submit: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Rule sets whose only rule puts perishable goods in one channel. */
export const perishableIn = (channel: 'yellow' | 'red') =>
  quietRules({ rules: [{ id: `T-${channel.toUpperCase()}`, channel, when: { perishable: true }, description: { vi: `Hàng tươi: luồng ${channel}`, en: `Fresh goods: ${channel}` } }] });

export async function domainEvents(kit: Kit, tripId: string) {
  return kit.t.db.selectFrom('domain_events').select(['type', 'payload', 'gate_id', 'direction']).where('trip_id', '=', tripId).orderBy('id').execute();
}

export async function timeline(kit: Kit, tripId: string): Promise<string[]> {
  return (await kit.req('GET', `/api/v1/trips/${tripId}/timeline`, 'dn.nongsan')).json().items.map((e: { action: string }) => e.action);
}

/** A one-page PDF, as an enterprise would upload it. */
export const PDF_BASE64 = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');
