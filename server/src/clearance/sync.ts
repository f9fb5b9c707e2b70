import type { Transaction } from 'kysely';
import type { Channel, ControlStatus } from '../../../shared/schemas/clearance';
import type { Database } from '../db/database';
import type { TripRow } from '../trips/trips.repository';
import { bumpEnterprise } from './counters';
import { emitClearance, emitDecided, GREEN_LANE, logControl, RULES_ACTOR, SELECTION, type ControlRow } from './control-log';
import { cancelInspection, closeOpenRequest, insertControl, lockControls, moveControl } from './control-store';
import { alertsFor, autoPassCheck, deriveControls, type DerivedControl } from './derive';
import { approvalsFor, loadFacts } from './facts';
import { controlRules } from './reference';
import { hasClearanceReference, loadClearanceReference } from './reference-load';
import { releaseSelection, selectForTrip } from './selection';
import { refreshClearance } from './status';

// Pre-arrival: as soon as a trip is submitted its controls are derived, customs gets its
// channel, and whatever the rules let the system decide is decided (a green trip whose other
// controls are green is cleared before it reaches the gate). An amendment re-derives, keeping
// every decision whose inputs did not change. The trip row is locked by the caller.

const OPEN: readonly string[] = ['pending', 'documents_requested', 'inspection'];
const key = (c: { kind: string; agency: string }) => `${c.kind}:${c.agency}`;
const json = (v: unknown) => JSON.stringify(v);
// jsonb reorders object keys: compare with keys sorted.
const canonical = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)])) : v;
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** The declaration fields whose change can matter to some control. */
export function relevantChanges(changes: string[]): string[] {
  const fields = new Set(Object.values(controlRules().controls).flatMap((c) => c.dependsOn));
  return changes.filter((c) => fields.has(c));
}

async function startTrip(tx: Transaction<Database>, trip: TripRow, rulesVersion: string, now: Date): Promise<void> {
  const inserted = await tx
    .insertInto('clearance_trips')
    .values({ trip_id: trip.id, enterprise_id: trip.enterprise_id, control_rules_version: rulesVersion, derived_at: now })
    .onConflict((oc) => oc.column('trip_id').doNothing())
    .returning('trip_id')
    .executeTakeFirst();
  if (inserted) await bumpEnterprise(tx, trip.enterprise_id, 'trips', now);
  else await tx.updateTable('clearance_trips').set({ control_rules_version: rulesVersion }).where('trip_id', '=', trip.id).execute();
}

/**
 * Brings the trip's controls in line with its declaration. `changes` null: first derivation
 * (submission); otherwise the amended field names.
 */
export async function syncControls(tx: Transaction<Database>, requestId: string | null, trip: TripRow, now: Date, changes: string[] | null): Promise<void> {
  if (!(await hasClearanceReference(tx))) await loadClearanceReference(tx);
  const rules = controlRules();
  const facts = await loadFacts(tx, trip);
  const approvals = await approvalsFor(tx, facts);
  const derived = deriveControls(rules, facts, approvals);
  const existing = await lockControls(tx, trip.id);
  await startTrip(tx, trip, rules.version, now);
  const reason = changes === null ? null : `amended: ${changes.join(', ')}`;

  const current = new Map<string, ControlRow>();
  let reselect = false;
  for (const d of derived) {
    const e = existing.find((x) => key(x) === key(d));
    if (!e) {
      current.set(key(d), await insertControl(tx, RULES_ACTOR, requestId, trip.id, d, now));
      if (d.kind === 'customs') reselect = true;
      continue;
    }
    const affected = changes === null || rules.controls[d.kind].dependsOn.some((f) => changes.includes(f));
    const reopen = e.status === 'closed' || (affected && e.status !== 'refused' && e.status !== 'pending');
    let row = e;
    if (!same(e.basis, d.basis) || !same(e.flags, d.flags)) {
      row = await tx.updateTable('clearance_controls').set({ basis: json(d.basis), flags: json(d.flags), version: e.version + 1, updated_at: now }).where('id', '=', e.id).returningAll().executeTakeFirstOrThrow();
    }
    if (reopen) {
      await cancelInspection(tx, e.id, now, 'reopened by amendment');
      await closeOpenRequest(tx, RULES_ACTOR, e.id, now, `Answered by the amendment (${changes?.join(', ') ?? ''})`);
      row = await moveControl(tx, RULES_ACTOR, requestId, row, { to: 'pending', action: 'reopen', decision: null, reason, waitingSince: now, answered: false }, now);
      await emitClearance(tx, trip, 'clearance.reopened', now, { agency: row.agency, kind: row.kind, controlId: row.id });
    }
    if (d.kind === 'customs' && (reopen || (affected && e.status === 'pending'))) reselect = true;
    current.set(key(d), row);
  }
  for (const e of existing) {
    if (current.has(key(e)) || !OPEN.includes(e.status)) continue;
    await cancelInspection(tx, e.id, now, 'no longer required');
    await moveControl(tx, RULES_ACTOR, requestId, e, { to: 'closed', action: 'close', reason: reason ?? 'no longer required', waitingSince: null }, now);
  }

  const customs = [...current.values()].find((c) => c.kind === 'customs');
  if (customs && (reselect || customs.selection_id === null)) {
    if (customs.selection_id) await releaseSelection(tx, customs.selection_id);
    const licensedGoods = derived.some((d) => d.kind === 'licence');
    const selection = await selectForTrip(tx, trip, facts, licensedGoods, now);
    const row = await tx
      .updateTable('clearance_controls')
      .set({ channel: selection.channel, selection_id: selection.id, version: customs.version + 1, updated_at: now })
      .where('id', '=', customs.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await logControl(tx, SELECTION, requestId, {
      control: row,
      action: 'selected',
      from: row.status as ControlStatus,
      to: row.status as ControlStatus,
      at: now,
      reason: selection.outcome.explanation.en,
      details: { channel: selection.channel, ruleSetVersion: selection.ruleSetVersion, firedRule: selection.outcome.firedRule?.id ?? null, selectionId: selection.id },
    });
    await emitClearance(tx, trip, 'clearance.selected', now, { controlId: row.id, channel: selection.channel, ruleSetVersion: selection.ruleSetVersion, firedRule: selection.outcome.firedRule?.id ?? null, stage: selection.outcome.stage });
    current.set(key(row), row);
  }

  const automatic = await decideAutomatically(tx, requestId, trip, [...current.values()], derived, { facts, approvals, alerts: alertsFor(rules.epidemicAlerts, facts) }, now);
  // The trip's clearance changed here because of the rules, not of the person who submitted.
  await refreshClearance(tx, automatic > 0 ? GREEN_LANE : RULES_ACTOR, requestId, trip.id, now);
}

async function decideAutomatically(
  tx: Transaction<Database>,
  requestId: string | null,
  trip: TripRow,
  controls: ControlRow[],
  derived: DerivedControl[],
  ctx: { facts: Awaited<ReturnType<typeof loadFacts>>; approvals: Awaited<ReturnType<typeof approvalsFor>>; alerts: ReturnType<typeof alertsFor> },
  now: Date,
): Promise<number> {
  const rules = controlRules();
  let decided = 0;
  const customsChannel = (controls.find((c) => c.kind === 'customs')?.channel ?? null) as Channel | null;
  for (const control of controls) {
    if (control.status !== 'pending') continue;
    const d = derived.find((x) => key(x) === key(control))!;
    if (d.waiver) {
      await moveControl(tx, RULES_ACTOR, requestId, control, { to: 'waived', action: 'auto_waive', decision: 'auto_waive', note: d.waiver.description.vi, details: { ruleId: d.waiver.ruleId }, waitingSince: null }, now);
      await emitDecided(tx, trip, control, 'auto_pass', now, { waived: true, ruleId: d.waiver.ruleId });
      decided++;
      continue;
    }
    const check = autoPassCheck(rules, d, { ...ctx, customsChannel });
    if (!check.ok) continue;
    const description = rules.autoPass[control.kind as DerivedControl['kind']]!.description;
    await moveControl(tx, GREEN_LANE, requestId, control, { to: 'passed' as ControlStatus, action: 'auto_pass', decision: 'auto_pass', note: description.vi, details: { channel: customsChannel }, waitingSince: null }, now);
    await emitDecided(tx, trip, control, 'auto_pass', now);
    decided++;
  }
  return decided;
}
