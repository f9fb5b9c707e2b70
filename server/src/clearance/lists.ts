import type { ClearanceAgency, InspectionBay, LegalBasis } from '../../../shared/schemas/clearance';
import { requireGateScope, requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { gateTimeZone } from '../trips/expiry';
import { dayBounds, todayIn } from '../trips/time';
import { bayCapacityPerDay } from './counters';
import { controlRules, legalBases } from './reference';

// Read-only lists officers work with: legal bases for refusals, the gate's inspection bays with
// the day's load, and the control-derivation rules in force.

export function listLegalBases(ctx: RequestContext): { items: LegalBasis[] } {
  requirePermission(ctx.actor, 'clearance:read');
  return { items: legalBases() };
}

export function readControlRules(ctx: RequestContext): Record<string, unknown> {
  requirePermission(ctx.actor, 'clearance:read');
  return controlRules() as unknown as Record<string, unknown>;
}

export async function listBays(ctx: RequestContext, gateId: string, date: string | undefined): Promise<{ items: InspectionBay[] }> {
  const actor = requirePermission(ctx.actor, 'clearance:read');
  if (actor.role !== 'provincial_leader') requireGateScope(actor, gateId);
  const db = ctx.app.db;
  const timeZone = await gateTimeZone(db, gateId);
  const { from, to } = dayBounds(date ?? todayIn(ctx.app.now(), timeZone), timeZone);
  const bays = await db.selectFrom('clearance_inspection_bays').selectAll().where('gate_id', '=', gateId).where('active', '=', true).orderBy('id').execute();
  const booked = bays.length
    ? await db
        .selectFrom('clearance_inspections')
        .select(['bay_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('bay_id', 'in', bays.map((b) => b.id))
        .where('status', 'in', ['scheduled', 'passed', 'refused'])
        .where('slot_start', '>=', from)
        .where('slot_start', '<', to)
        .groupBy('bay_id')
        .execute()
    : [];
  return {
    items: bays.map((b) => ({
      id: b.id,
      gateId: b.gate_id,
      name: { vi: b.name_vi, en: b.name_en, zh: b.name_zh },
      place: { vi: b.place_vi, en: b.place_en, zh: b.place_zh },
      agencies: b.agencies as ClearanceAgency[],
      opens: b.opens.slice(0, 5),
      closes: b.closes.slice(0, 5),
      slotMinutes: b.slot_minutes,
      trucksPerSlot: b.trucks_per_slot,
      capacityPerDay: bayCapacityPerDay(b),
      booked: Number(booked.find((x) => x.bay_id === b.id)?.n ?? 0),
    })),
  };
}
