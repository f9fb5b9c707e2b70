import type { Kysely, Transaction } from 'kysely';
import type { ClearanceAgency } from '../../../shared/schemas/clearance';
import type { Database } from '../db/database';
import { localParts } from '../gates/calendar';
import { controlRules, legalBasis } from './reference';

// CONTRACT used by the driver page (yards) and the clearance notices: keep this signature.
// What the driver must do now for clearance, in Vietnamese, English and Chinese.

type Executor = Kysely<Database> | Transaction<Database>;

export interface DriverInstruction {
  /** inspection, documents_requested, refused, cleared, pending */
  kind: string;
  vi: string;
  en: string;
  zh: string;
  /** Where to go (inspection bay) and when, if any. */
  place?: string | null;
  at?: string | null;
}

const OPEN = ['pending', 'documents_requested', 'inspection'];

function localTime(at: Date, timeZone: string): string {
  const { date, time } = localParts(at, timeZone);
  const [y, m, d] = date.split('-');
  return `${time} ${d}/${m}/${y}`;
}

/** What the driver of a trip must do now for clearance (in three languages). */
export async function driverInstructions(db: Executor, tripId: string): Promise<DriverInstruction[]> {
  const trip = await db
    .selectFrom('trips')
    .leftJoin('gates', 'gates.id', 'trips.gate_id')
    .select(['trips.status', 'trips.clearance_status', 'gates.time_zone'])
    .where('trips.id', '=', tripId)
    .executeTakeFirst();
  if (!trip) return [];
  const timeZone = trip.time_zone ?? 'Asia/Ho_Chi_Minh';
  const names = controlRules().agencies;
  const controls = await db.selectFrom('clearance_controls').select(['id', 'agency', 'status', 'legal_basis_id', 'decision_note']).where('trip_id', '=', tripId).orderBy('created_at').orderBy('id').execute();
  const out: DriverInstruction[] = [];

  const refused = controls.filter((c) => c.status === 'refused');
  for (const c of refused) {
    const basis = legalBasis(c.legal_basis_id);
    const a = names[c.agency as ClearanceAgency];
    out.push({
      kind: 'refused',
      vi: `${a.vi} từ chối thông quan${basis ? ` (${basis.title.vi})` : ''}. ${basis?.whatNext.vi ?? 'Liên hệ cơ quan tại cửa khẩu.'}`,
      en: `${a.en} refused clearance${basis ? ` (${basis.title.en})` : ''}. ${basis?.whatNext.en ?? 'Contact the agency at the gate.'}`,
      zh: `${a.zh}拒绝通关${basis ? `（${basis.title.zh}）` : ''}。${basis?.whatNext.zh ?? '请联系口岸相关机构。'}`,
    });
  }
  if (refused.length > 0) return out;

  const inspections = await db
    .selectFrom('clearance_inspections')
    .innerJoin('clearance_inspection_bays', 'clearance_inspection_bays.id', 'clearance_inspections.bay_id')
    .select(['clearance_inspections.agency', 'slot_start', 'place_vi', 'place_en', 'place_zh', 'name_vi', 'name_en', 'name_zh'])
    .where('clearance_inspections.trip_id', '=', tripId)
    .where('clearance_inspections.status', '=', 'scheduled')
    .orderBy('slot_start')
    .execute();
  for (const i of inspections) {
    const a = names[i.agency as ClearanceAgency];
    const when = localTime(i.slot_start, timeZone);
    out.push({
      kind: 'inspection',
      vi: `Đưa xe đến ${i.name_vi} (${i.place_vi}) lúc ${when} để ${a.vi} kiểm tra thực tế.`,
      en: `Bring the truck to ${i.name_en} (${i.place_en}) at ${when} for ${a.en} inspection.`,
      zh: `请于${when}将车辆驶至${i.name_zh}（${i.place_zh}）接受${a.zh}查验。`,
      place: i.name_vi,
      at: i.slot_start.toISOString(),
    });
  }

  const requested = controls.filter((c) => c.status === 'documents_requested');
  if (requested.length > 0) {
    const requests = await db
      .selectFrom('clearance_document_requests')
      .select(['control_id', 'message'])
      .where('control_id', 'in', requested.map((c) => c.id))
      .where('answered_at', 'is', null)
      .execute();
    for (const r of requests) {
      const a = names[requested.find((c) => c.id === r.control_id)!.agency as ClearanceAgency];
      out.push({
        kind: 'documents_requested',
        vi: `${a.vi} yêu cầu bổ sung chứng từ: ${r.message}. Doanh nghiệp trả lời trên hệ thống; xe chờ tại bãi.`,
        en: `${a.en} asks for documents: ${r.message}. The enterprise answers online; the truck waits in the yard.`,
        zh: `${a.zh}要求补充单证：${r.message}。企业在系统中答复；车辆在停车场等候。`,
      });
    }
  }

  if (trip.clearance_status === 'cleared') {
    out.push({
      kind: 'cleared',
      vi: 'Đã thông quan: mọi cơ quan đã đồng ý. Vào bãi và chờ được gọi qua cửa khẩu.',
      en: 'Cleared: every agency has passed the trip. Enter the yard and wait to be called forward.',
      zh: '已通关：各机构均已放行。请进入停车场等候叫号过境。',
    });
  } else if (out.length === 0 && controls.some((c) => OPEN.includes(c.status))) {
    const waiting = [...new Set(controls.filter((c) => OPEN.includes(c.status)).map((c) => names[c.agency as ClearanceAgency]))];
    out.push({
      kind: 'pending',
      vi: `Đang chờ kiểm tra: ${waiting.map((a) => a.vi).join(', ')}. Chưa cần làm gì thêm.`,
      en: `Waiting for: ${waiting.map((a) => a.en).join(', ')}. Nothing to do yet.`,
      zh: `等待查验：${waiting.map((a) => a.zh).join('、')}。暂无需操作。`,
    });
  }
  return out;
}
