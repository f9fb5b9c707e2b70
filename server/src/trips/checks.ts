import type { TripCheckError, TripFields } from '../../../shared/schemas/trips';
import type { DriverRow, VehicleRow } from '../fleet/fleet.repository';
import { validateContainerNumber } from '../fleet/containers';
import { dayHours, localParts, type Calendar } from '../gates/calendar';
import type { GateRow } from '../gates/gates.repository';
import { normaliseHsCode, validateHsCode } from '../hs/nomenclature';
import { checkError } from './check-error';
import { fruitProtocols, gateRegimes, protocolFruit } from './rules';
import { tripFee, type TripFee } from './trip-fee';

// Every check a declaration must pass, collected into one list (never one at a time): the
// Lạng Sơn lesson was that users redid whole declarations for a single error.

export interface CheckInput {
  fields: Required<TripFields>;
  enterpriseId: string;
  gate: { row: GateRow; calendar: Calendar } | null;
  vehicle: VehicleRow | null;
  driver: DriverRow | null;
  fileIds: Set<string>;
  now: Date;
}

/** What must hold even for a draft: references point at things that exist and are the enterprise's. */
export function referenceProblems(input: CheckInput): TripCheckError[] {
  const f = input.fields;
  const out: TripCheckError[] = [];
  if (f.gateId && !input.gate) out.push(checkError('/gateId', 'trips.gate_not_found'));
  if (f.vehicleId && (!input.vehicle || input.vehicle.enterprise_id !== input.enterpriseId)) out.push(checkError('/vehicleId', 'trips.vehicle_not_found'));
  if (f.driverId && (!input.driver || input.driver.enterprise_id !== input.enterpriseId)) out.push(checkError('/driverId', 'trips.driver_not_found'));
  f.documents.forEach((d, i) => {
    if (d.fileId && !input.fileIds.has(d.fileId)) out.push(checkError(`/documents/${i}/fileId`, 'trips.file_not_found'));
  });
  if (f.window && f.window.from >= f.window.to) out.push(checkError('/window', 'trips.window_invalid'));
  return out;
}

const REQUIRED_TRIP = ['direction', 'gateId', 'plannedDate', 'window', 'vehicleId', 'driverId'] as const;
const REQUIRED_LINE = ['hsCode', 'description', 'packages', 'quantity', 'unit', 'grossWeightKg', 'declaredValue', 'currency', 'origin'] as const;
const hours = (intervals: Array<{ opens: string; closes: string }>) => intervals.map((i) => `${i.opens}–${i.closes}`).join(', ');

function gateProblems(input: CheckInput, out: TripCheckError[]) {
  const f = input.fields;
  if (!input.gate) return;
  const { row, calendar } = input.gate;
  const rules = gateRegimes();
  if (!rules.openStatuses.includes(row.status)) out.push(checkError('/gateId', 'trips.gate_not_operating'));
  if (!row.traffic.includes('goods')) out.push(checkError('/gateId', 'trips.gate_no_goods'));
  if (f.direction && !(rules.byClass[row.class] ?? []).includes(f.direction)) out.push(checkError('/direction', 'trips.regime_not_allowed'));
  if (!f.plannedDate) return;
  const day = dayHours(calendar, f.plannedDate, row.time_zone, row.counterpart_time_zone);
  if (!day.open) {
    const name = day.special ? { vi: `(${day.special.nameVi})`, en: `(${day.special.nameEn ?? day.special.nameVi})` } : undefined;
    out.push(checkError('/plannedDate', 'trips.gate_closed', name));
    return;
  }
  if (f.window && f.window.from < f.window.to && !day.intervals.some((i) => i.opens <= f.window!.from && f.window!.to <= i.closes)) {
    out.push(checkError('/window', 'trips.window_outside_hours', { vi: `Giờ làm việc: ${hours(day.intervals)}.`, en: `Opening hours: ${hours(day.intervals)}.` }));
  }
  const allFruit = f.cargoLines.length > 0 && f.cargoLines.every((l) => l.hsCode && protocolFruit(normaliseHsCode(l.hsCode) ?? ''));
  if (day.special?.kind === 'fruit_only' && !allFruit) out.push(checkError('/plannedDate', 'trips.fruit_only_day'));
}

function dateProblems(input: CheckInput, out: TripCheckError[]) {
  const f = input.fields;
  if (!f.plannedDate) return;
  const local = localParts(input.now, input.gate?.row.time_zone ?? 'Asia/Ho_Chi_Minh');
  if (f.plannedDate < local.date) out.push(checkError('/plannedDate', 'trips.date_in_past'));
  else if (f.plannedDate === local.date && f.window && f.window.to <= local.time) out.push(checkError('/window', 'trips.date_in_past'));
}

function fleetProblems(input: CheckInput, out: TripCheckError[]) {
  const { vehicle, driver, fields: f } = input;
  const date = f.plannedDate;
  if (vehicle && vehicle.enterprise_id === input.enterpriseId) {
    if (!vehicle.active) out.push(checkError('/vehicleId', 'trips.vehicle_inactive'));
    if (date && vehicle.inspection_expires_on && vehicle.inspection_expires_on < date) {
      out.push(checkError('/vehicleId', 'trips.vehicle_inspection_expired', { vi: `(hết hạn ${vehicle.inspection_expires_on})`, en: `(expires ${vehicle.inspection_expires_on})` }));
    }
    const kg = f.cargoLines.reduce((s, l) => s + (l.grossWeightKg ?? 0), 0);
    if (kg > vehicle.tonnage_capacity * 1000) {
      out.push(checkError('/cargoLines', 'trips.overweight', { vi: `${kg / 1000} t > ${vehicle.tonnage_capacity} t.`, en: `${kg / 1000} t > ${vehicle.tonnage_capacity} t.` }));
    }
  }
  if (driver && driver.enterprise_id === input.enterpriseId) {
    if (!driver.active) out.push(checkError('/driverId', 'trips.driver_inactive'));
    if (date && driver.document_expires_on < date) {
      out.push(checkError('/driverId', 'trips.driver_document_expired', { vi: `(hết hạn ${driver.document_expires_on})`, en: `(expires ${driver.document_expires_on})` }));
    }
  }
}

/** Cargo-line problems; returns whether every line is complete and valid enough to price. */
function cargoProblems(input: CheckInput, out: TripCheckError[]): boolean {
  const f = input.fields;
  if (f.direction === 'empty_return' && f.cargoLines.length > 0) out.push(checkError('/cargoLines', 'trips.empty_return_has_cargo'));
  if (f.direction && f.direction !== 'empty_return' && f.cargoLines.length === 0) out.push(checkError('/cargoLines', 'trips.cargo_required'));
  const formats = fruitProtocols().codeFormats;
  let priceable = true;
  f.cargoLines.forEach((l, i) => {
    const at = (field: string) => `/cargoLines/${i}/${field}`;
    for (const field of REQUIRED_LINE) {
      if (l[field] === undefined || l[field] === null || l[field] === '') {
        out.push(checkError(at(field), 'trips.required'));
        priceable = false;
      }
    }
    if (!l.hsCode) return;
    const hs = validateHsCode(l.hsCode);
    if (!hs.ok) {
      out.push(checkError(at('hsCode'), hs.code));
      priceable = false;
      return;
    }
    const fruit = f.direction === fruitProtocols().direction ? protocolFruit(hs.code) : undefined;
    if (!fruit) return;
    const name = { vi: `(${fruit.nameVi})`, en: `(${fruit.nameEn})` };
    const codes = [
      ['growingAreaCode', l.growingAreaCode, formats.growingArea],
      ['packingHouseCode', l.packingHouseCode, formats.packingHouse],
    ] as const;
    for (const [field, value, format] of codes) {
      if (!value) out.push(checkError(at(field), 'trips.fruit_codes_missing', name));
      else if (!new RegExp(format.pattern).test(value.toUpperCase().replace(/\s/g, ''))) {
        out.push(checkError(at(field), 'trips.fruit_code_format', { vi: `Ví dụ: ${format.example}.`, en: `Example: ${format.example}.` }));
      }
    }
  });
  return priceable;
}

function containerAndDocumentProblems(input: CheckInput, out: TripCheckError[]) {
  const f = input.fields;
  const seen = new Set<string>();
  f.containers.forEach((c, i) => {
    const v = validateContainerNumber(c.number);
    if (!v.ok) {
      const extra = v.expected === undefined ? undefined : { vi: `Chữ số kiểm tra phải là ${v.expected}.`, en: `The check digit would be ${v.expected}.` };
      out.push(checkError(`/containers/${i}/number`, 'fleet.container_check_digit', extra));
    } else if (seen.has(v.canonical)) out.push(checkError(`/containers/${i}/number`, 'trips.container_duplicate'));
    else seen.add(v.canonical);
  });
  f.documents.forEach((d, i) => {
    if (f.plannedDate && d.expiresOn && d.expiresOn < f.plannedDate) {
      out.push(checkError(`/documents/${i}/expiresOn`, 'trips.document_expired', { vi: `(${d.number})`, en: `(${d.number})` }));
    }
  });
}

export interface SubmissionResult {
  problems: TripCheckError[];
  fee: TripFee | null;
}

/** Every check of a submission or amendment, and the fee when the facts allow one. */
export function submissionChecks(input: CheckInput): SubmissionResult {
  const f = input.fields;
  const out = referenceProblems(input);
  for (const field of REQUIRED_TRIP) if (f[field] === null || f[field] === undefined) out.push(checkError(`/${field}`, 'trips.required'));
  dateProblems(input, out);
  gateProblems(input, out);
  fleetProblems(input, out);
  const priceable = cargoProblems(input, out);
  containerAndDocumentProblems(input, out);
  let fee: TripFee | null = null;
  const vehicleOk = input.vehicle && input.vehicle.enterprise_id === input.enterpriseId;
  if (priceable && input.gate && vehicleOk && f.direction && f.plannedDate) {
    fee = tripFee(f, input.gate.row, input.vehicle!);
    if (!fee.ok) out.push(fee.problem);
  }
  return { problems: out, fee };
}
