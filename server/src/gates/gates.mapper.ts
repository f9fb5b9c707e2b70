import type { Gate, GateSummary } from '../../../shared/schemas/gates';
import { addDays, dayHours, localParts, type Calendar } from './calendar';
import type { GateRow } from './gates.repository';

export function toGateSummary(row: GateRow, calendar: Calendar, now: Date): GateSummary {
  const today = localParts(now, row.time_zone).date;
  return {
    id: row.id,
    parentId: row.parent_id,
    province: row.province,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    nameZh: row.name_zh,
    counterpart: {
      nameVi: row.counterpart_name_vi,
      nameEn: row.counterpart_name_en,
      nameZh: row.counterpart_name_zh,
      nameZhVerified: row.counterpart_name_zh_verified,
      place: row.counterpart_place,
    },
    class: row.class as GateSummary['class'],
    status: row.status as GateSummary['status'],
    plannedClass: row.planned_class as GateSummary['plannedClass'],
    targetYear: row.target_year,
    traffic: row.traffic as GateSummary['traffic'],
    location: row.lat === null || row.lon === null ? null : { lat: row.lat, lon: row.lon, approximate: row.location_approximate },
    timeZone: row.time_zone,
    counterpartTimeZone: row.counterpart_time_zone,
    capacity: { exportPerDay: row.capacity_export_per_day, importPerDay: row.capacity_import_per_day },
    today: dayHours(calendar, today, row.time_zone, row.counterpart_time_zone),
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toGate(
  row: GateRow,
  calendar: Calendar,
  children: Array<{ id: string; name_vi: string; name_en: string; status: string; class: string }>,
  now: Date,
): Gate {
  const summary = toGateSummary(row, calendar, now);
  return {
    ...summary,
    planRefs: row.plan_refs as Gate['planRefs'],
    notes: row.notes,
    weeklyHours: calendar.weeklyHours,
    specialDays: calendar.specialDays,
    upcoming: Array.from({ length: 14 }, (_, i) =>
      dayHours(calendar, addDays(summary.today.date, i), row.time_zone, row.counterpart_time_zone),
    ),
    children: children.map((c) => ({
      id: c.id,
      nameVi: c.name_vi,
      nameEn: c.name_en,
      status: c.status as Gate['status'],
      class: c.class as Gate['class'],
    })),
  };
}

/** What a version snapshot keeps: the editable facts and the calendar. */
export function snapshotOf(row: GateRow, calendar: Calendar) {
  return {
    nameVi: row.name_vi,
    nameEn: row.name_en,
    nameZh: row.name_zh,
    class: row.class,
    status: row.status,
    plannedClass: row.planned_class,
    targetYear: row.target_year,
    traffic: row.traffic,
    capacity: { exportPerDay: row.capacity_export_per_day, importPerDay: row.capacity_import_per_day },
    notes: row.notes,
    weeklyHours: calendar.weeklyHours,
    specialDays: calendar.specialDays,
  };
}
