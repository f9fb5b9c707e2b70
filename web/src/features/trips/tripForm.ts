import type { QuoteRequest } from '../../../../server/src/fees/fees.schemas';
import type { Vehicle } from '../../../../shared/schemas/fleet';
import type { GateSummary } from '../../../../shared/schemas/gates';
import type { CargoLineInput, Trip, TripDirection, TripDocumentInput, TripFields } from '../../../../shared/schemas/trips';

// The declaration form as the user edits it (text in inputs), and its conversions: to the
// request the server stores (empty inputs become absent or null, so a draft may be
// incomplete), from a stored trip (to amend it, or to copy it into a new one), and to the
// public fee quote (only once the facts the tariff needs are there).

export interface CargoLineForm {
  hsCode: string;
  description: string;
  packages: string;
  packageKind: string;
  quantity: string;
  unit: string;
  grossWeightKg: string;
  volumeM3: string;
  declaredValue: string;
  currency: string;
  origin: string;
  perishable: boolean;
  goodsCategory: string;
  taxableImport: '' | 'yes' | 'no';
  growingAreaCode: string;
  packingHouseCode: string;
}

export interface DocumentForm {
  kind: TripDocumentInput['kind'];
  number: string;
  issuedOn: string;
  expiresOn: string;
  fileId: string;
  note: string;
}

export interface ContainerForm {
  number: string;
  size: '20' | '40';
  sealNumber: string;
}

export interface TripForm {
  direction: TripDirection | '';
  gateId: string;
  plannedDate: string;
  windowFrom: string;
  windowTo: string;
  vehicleId: string;
  driverId: string;
  containers: ContainerForm[];
  cargoLines: CargoLineForm[];
  documents: DocumentForm[];
  options: { disinfection: boolean; coSets: string; carriedInland: boolean; wharfOnly: boolean };
  notes: string;
}

/** What the browser remembers from the last declaration, to prefill the next one. */
export interface Remembered {
  direction?: TripDirection;
  gateId?: string;
  vehicleId?: string;
  driverId?: string;
  windowFrom?: string;
  windowTo?: string;
  currency?: string;
  origin?: string;
}

export function emptyLine(r: Remembered = {}): CargoLineForm {
  return {
    hsCode: '', description: '', packages: '', packageKind: '', quantity: '', unit: 'KGM', grossWeightKg: '', volumeM3: '',
    declaredValue: '', currency: r.currency ?? 'USD', origin: r.origin ?? 'VN', perishable: false, goodsCategory: '', taxableImport: '',
    growingAreaCode: '', packingHouseCode: '',
  };
}

export function emptyDocument(kind: DocumentForm['kind'] = 'customs_declaration'): DocumentForm {
  return { kind, number: '', issuedOn: '', expiresOn: '', fileId: '', note: '' };
}

export function emptyForm(r: Remembered = {}): TripForm {
  return {
    direction: r.direction ?? 'export',
    gateId: r.gateId ?? '',
    plannedDate: '',
    windowFrom: r.windowFrom ?? '',
    windowTo: r.windowTo ?? '',
    vehicleId: r.vehicleId ?? '',
    driverId: r.driverId ?? '',
    containers: [],
    cargoLines: [emptyLine(r)],
    documents: [],
    options: { disinfection: false, coSets: '', carriedInland: false, wharfOnly: false },
    notes: '',
  };
}

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** The form of a stored trip. A copy keeps the load, the route and the people, not the date or the documents. */
export function formFromTrip(trip: Trip, copy = false): TripForm {
  return {
    direction: trip.direction ?? '',
    gateId: trip.gateId ?? '',
    plannedDate: copy ? '' : text(trip.plannedDate),
    windowFrom: trip.window?.from ?? '',
    windowTo: trip.window?.to ?? '',
    vehicleId: trip.vehicle?.id ?? '',
    driverId: trip.driver?.id ?? '',
    containers: trip.containers.map((c) => ({ number: c.number, size: c.size, sealNumber: copy ? '' : text(c.sealNumber) })),
    cargoLines: trip.cargoLines.map((l) => ({
      hsCode: text(l.hsCode), description: text(l.description), packages: text(l.packages), packageKind: text(l.packageKind),
      quantity: text(l.quantity), unit: text(l.unit), grossWeightKg: text(l.grossWeightKg), volumeM3: text(l.volumeM3),
      declaredValue: text(l.declaredValue), currency: text(l.currency), origin: text(l.origin), perishable: l.perishable,
      goodsCategory: text(l.goodsCategory), taxableImport: l.taxableImport === null ? '' : l.taxableImport ? 'yes' : 'no',
      growingAreaCode: text(l.growingAreaCode), packingHouseCode: text(l.packingHouseCode),
    })),
    documents: copy
      ? []
      : trip.documents.map((d) => ({ kind: d.kind, number: d.number, issuedOn: text(d.issuedOn), expiresOn: text(d.expiresOn), fileId: text(d.fileId), note: text(d.note) })),
    options: {
      disinfection: !!trip.options.disinfection,
      coSets: text(trip.options.coSets),
      carriedInland: !!trip.options.carriedInland,
      wharfOnly: !!trip.options.wharfOnly,
    },
    notes: copy ? '' : text(trip.notes),
  };
}

/** A number typed in an input, or undefined when empty or not a number. */
export function num(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const n = Number(value.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}
const str = (value: string) => (value.trim() === '' ? undefined : value.trim());
const upper = (value: string) => str(value)?.toUpperCase();

function lineInput(l: CargoLineForm): CargoLineInput {
  const packages = num(l.packages);
  const entries: CargoLineInput = {
    hsCode: str(l.hsCode),
    description: str(l.description),
    packages: packages === undefined ? undefined : Math.round(packages),
    packageKind: str(l.packageKind),
    quantity: num(l.quantity),
    unit: upper(l.unit),
    grossWeightKg: num(l.grossWeightKg),
    volumeM3: num(l.volumeM3) ?? null,
    declaredValue: num(l.declaredValue),
    currency: upper(l.currency),
    origin: upper(l.origin),
    perishable: l.perishable,
    goodsCategory: (str(l.goodsCategory) as CargoLineInput['goodsCategory']) ?? null,
    taxableImport: l.taxableImport === '' ? null : l.taxableImport === 'yes',
    growingAreaCode: upper(l.growingAreaCode) ?? null,
    packingHouseCode: upper(l.packingHouseCode) ?? null,
  };
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)) as CargoLineInput;
}

/** The stored fields: every field is sent, so the server's copy is exactly the form. */
export function fieldsFromForm(f: TripForm): TripFields {
  return {
    direction: f.direction || null,
    gateId: f.gateId || null,
    plannedDate: f.plannedDate || null,
    window: f.windowFrom && f.windowTo ? { from: f.windowFrom, to: f.windowTo } : null,
    vehicleId: f.vehicleId || null,
    driverId: f.driverId || null,
    containers: f.containers.map((c) => ({ number: c.number.trim().toUpperCase(), size: c.size, sealNumber: str(c.sealNumber) ?? null })),
    cargoLines: f.cargoLines.map(lineInput),
    documents: f.documents.map((d) => ({ kind: d.kind, number: d.number.trim(), issuedOn: d.issuedOn || null, expiresOn: d.expiresOn || null, fileId: d.fileId || null, note: str(d.note) ?? null })),
    options: {
      disinfection: f.options.disinfection,
      carriedInland: f.options.carriedInland,
      wharfOnly: f.options.wharfOnly,
      ...(num(f.options.coSets) !== undefined ? { coSets: Math.round(num(f.options.coSets)!) } : {}),
    },
    notes: str(f.notes) ?? null,
  };
}

export type QuoteInput = { ok: true; request: QuoteRequest } | { ok: false; missing: Array<'direction' | 'gate' | 'vehicle' | 'cargo'> };

/** The public quote for what the form says so far, or what is still missing to price it. */
export function quoteRequestFromForm(f: TripForm, gate: Pick<GateSummary, 'id' | 'province'> | null, vehicle: Pick<Vehicle, 'tonnageCapacity' | 'axles'> | null, today: string): QuoteInput {
  const missing: Array<'direction' | 'gate' | 'vehicle' | 'cargo'> = [];
  if (!f.direction) missing.push('direction');
  if (!gate) missing.push('gate');
  if (!vehicle) missing.push('vehicle');
  const lines = f.cargoLines.map(lineInput).filter(
    (l) => l.hsCode && /^[0-9]{6,8}$/.test(l.hsCode.replace(/[.\s]/g, '')) && l.grossWeightKg !== undefined && l.declaredValue !== undefined && l.currency && /^[A-Z]{3}$/.test(l.currency) && l.origin && /^[A-Z]{2}$/.test(l.origin),
  );
  if (f.direction !== 'empty_return' && lines.length === 0) missing.push('cargo');
  if (missing.length > 0 || !gate || !vehicle || !f.direction) return { ok: false, missing };
  const options = fieldsFromForm(f).options ?? {};
  return {
    ok: true,
    request: {
      province: gate.province,
      gateId: gate.id,
      date: f.plannedDate || today,
      regime: f.direction,
      vehicle: { grossTonnageCapacity: vehicle.tonnageCapacity, axles: vehicle.axles },
      containers: f.containers.filter((c) => c.number.trim()).map((c) => ({ size: c.size })),
      cargoLines: lines.map((l) => ({
        hsCode: l.hsCode!,
        ...(l.description ? { description: l.description } : {}),
        grossWeightKg: l.grossWeightKg!,
        ...(l.volumeM3 != null ? { volumeM3: l.volumeM3 } : {}),
        declaredValue: l.declaredValue!,
        currency: l.currency!,
        origin: l.origin!,
        ...(l.goodsCategory ? { goodsCategory: l.goodsCategory } : {}),
        ...(l.taxableImport != null ? { taxableImport: l.taxableImport } : {}),
      })),
      options: Object.fromEntries(Object.entries(options).filter(([, v]) => v !== false)),
    },
  };
}

/** A cargo line the user has not started (defaults only). */
export function isBlankLine(l: CargoLineForm): boolean {
  return ![l.hsCode, l.description, l.packages, l.quantity, l.grossWeightKg, l.declaredValue, l.growingAreaCode, l.packingHouseCode].some((v) => v.trim() !== '');
}

/**
 * The form without the rows the user added and left empty (documents, containers, and cargo
 * lines of an empty return). Saving the pruned form keeps the server's row numbers (in its
 * error paths) the same as the rows on screen.
 */
export function pruneBlank(f: TripForm): TripForm {
  return {
    ...f,
    documents: f.documents.filter((d) => d.number.trim() || d.fileId || d.issuedOn || d.expiresOn || d.note.trim()),
    containers: f.containers.filter((c) => c.number.trim() || c.sealNumber.trim()),
    cargoLines: f.direction === 'empty_return' ? f.cargoLines.filter((l) => !isBlankLine(l)) : f.cargoLines,
  };
}

/** What to remember from a declaration the user just saved. */
export function rememberFrom(f: TripForm): Remembered {
  const first = f.cargoLines[0];
  return {
    direction: f.direction || undefined,
    gateId: f.gateId || undefined,
    vehicleId: f.vehicleId || undefined,
    driverId: f.driverId || undefined,
    windowFrom: f.windowFrom || undefined,
    windowTo: f.windowTo || undefined,
    currency: first?.currency || undefined,
    origin: first?.origin || undefined,
  };
}

/** Total gross weight of the lines in kilograms (what the vehicle's limit is compared with). */
export function totalWeightKg(f: TripForm): number {
  return f.cargoLines.reduce((s, l) => s + (num(l.grossWeightKg) ?? 0), 0);
}
