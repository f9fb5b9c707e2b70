import fs from 'node:fs';
import path from 'node:path';
import { containerCheckDigit } from '../../server/src/fleet/containers';

// A generated but realistic peak day (bench/data/peak-day.json, from domain.md §4): which trucks
// declare at which gate, when, with what cargo. Deterministic: the same seed gives the same day,
// so two runs of the benchmark replay the same traffic.

export interface GateProfile {
  id: string;
  modelledOn: string;
  nameVi: string;
  class: 'international' | 'bilateral';
  averagePerDay: number;
  exportShare: number;
  hours: { opens: string; closes: string };
}

export interface CargoProfile {
  key: string;
  share: number;
  hsCode: string;
  description: string;
  packageKind: string;
  kgPerPackage: number;
  tonnes: [number, number];
  usdPerKg: number;
  fruit: boolean;
  container: '20' | '40' | null;
}

export interface PeakProfile {
  version: string;
  totalTrucks: number;
  declarationPeak: { from: string; to: string; share: number };
  windowHours: number;
  gates: GateProfile[];
  enterprises: { count: number; zipfExponent: number };
  chineseTruckShare: { export: number; import: number };
  cargo: { export: CargoProfile[]; import: CargoProfile[] };
}

export type Direction = 'export' | 'import';

export interface PlannedTruck {
  plate: string;
  plateCountry: 'VN' | 'CN';
  type: 'truck' | 'container_truck' | 'refrigerated_truck';
  axles: number;
  tonnageCapacity: number;
  containerNumber: string | null;
  containerSize: '20' | '40' | null;
}

export interface PlannedTrip {
  seq: number;
  gateId: string;
  direction: Direction;
  /** Minutes after local midnight when the enterprise declares. */
  declaredAtMinute: number;
  window: { from: string; to: string };
  enterprise: number;
  truck: PlannedTruck;
  driver: { fullName: string; nationality: 'VN' | 'CN'; documentType: 'passport' | 'border_pass'; documentNumber: string };
  cargo: {
    key: string;
    hsCode: string;
    description: string;
    packages: number;
    packageKind: string;
    grossWeightKg: number;
    netWeightKg: number;
    declaredValueUsd: number;
    fruit: boolean;
    growingAreaCode: string | null;
    packingHouseCode: string | null;
  };
}

export function loadPeakProfile(file = path.join(import.meta.dirname, '..', 'data', 'peak-day.json')): PeakProfile {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as PeakProfile;
}

/** mulberry32: small, fast and good enough for synthetic traffic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function pickWeighted<T>(items: readonly T[], weight: (t: T) => number, r: number): T {
  const total = items.reduce((s, t) => s + weight(t), 0);
  let x = r * total;
  for (const item of items) {
    x -= weight(item);
    if (x < 0) return item;
  }
  return items[items.length - 1];
}

/** Trucks per gate and direction for a day of `total` trucks, by the gates' shares (largest remainder). */
export function gateVolumes(profile: PeakProfile, total: number): Array<{ gate: GateProfile; direction: Direction; count: number }> {
  const base = profile.gates.reduce((s, g) => s + g.averagePerDay, 0);
  const cells = profile.gates.flatMap((gate) => [
    { gate, direction: 'export' as const, exact: (total * gate.averagePerDay * gate.exportShare) / base },
    { gate, direction: 'import' as const, exact: (total * gate.averagePerDay * (1 - gate.exportShare)) / base },
  ]);
  const counts = cells.map((c) => Math.floor(c.exact));
  let left = total - counts.reduce((s, n) => s + n, 0);
  const order = cells.map((c, i) => ({ i, rest: c.exact - Math.floor(c.exact) })).sort((a, b) => b.rest - a.rest);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i]++;
    left--;
  }
  return cells.map((c, i) => ({ gate: c.gate, direction: c.direction, count: counts[i] }));
}

function declarationMinute(profile: PeakProfile, random: () => number): number {
  const peakFrom = minutes(profile.declarationPeak.from);
  const peakTo = minutes(profile.declarationPeak.to);
  if (random() < profile.declarationPeak.share) return peakFrom + Math.floor(random() * (peakTo - peakFrom));
  // Off-peak: the rest of the working day (00:00 to 20:00) outside the peak.
  const offPeak = peakFrom + (20 * 60 - peakTo);
  const m = Math.floor(random() * offPeak);
  return m < peakFrom ? m : peakTo + (m - peakFrom);
}

function truckFor(seq: number, direction: Direction, cargo: CargoProfile, weightKg: number, profile: PeakProfile, random: () => number): PlannedTruck {
  const chinese = random() < profile.chineseTruckShare[direction];
  const serial = 10000 + seq;
  const plate = chinese ? `桂F·${String(serial % 100000).padStart(5, '0')}` : `12C-${String(serial).slice(0, 3)}.${String(serial).slice(3, 5)}`;
  const capacity = Math.min(40, Math.ceil(weightKg / 1000) + 2 + Math.floor(random() * 6));
  let containerNumber: string | null = null;
  if (cargo.container) {
    const first10 = `CKS${'U'}${String(100000 + seq).padStart(6, '0')}`;
    containerNumber = `${first10}${containerCheckDigit(first10)}`;
  }
  const type = cargo.container ? 'container_truck' : cargo.fruit ? 'refrigerated_truck' : 'truck';
  return { plate, plateCountry: chinese ? 'CN' : 'VN', type, axles: capacity > 24 ? 5 : capacity > 15 ? 4 : 3, tonnageCapacity: capacity, containerNumber, containerSize: cargo.container };
}

const VN_NAMES = ['Hoàng Văn', 'Nông Văn', 'Lý Văn', 'Vi Thị', 'Lương Văn', 'Triệu Văn', 'Hà Văn', 'Nguyễn Văn', 'Lăng Văn', 'Chu Văn'];
const VN_GIVEN = ['Tùng', 'Hải', 'Phúc', 'Minh', 'Sơn', 'Thắng', 'Lâm', 'Quân', 'Đức', 'Bình'];
const CN_NAMES = ['王', '李', '张', '刘', '陈', '黄', '赵', '周'];
const CN_GIVEN = ['建国', '志强', '海涛', '明', '伟', '磊', '军', '勇'];

/** The day's trips, in the order the enterprises declare them. */
export function generatePeakDay(profile: PeakProfile, options: { seed: number; trucks?: number }): PlannedTrip[] {
  const random = prng(options.seed);
  const total = options.trucks ?? profile.totalTrucks;
  const weights = Array.from({ length: profile.enterprises.count }, (_, i) => 1 / (i + 1) ** profile.enterprises.zipfExponent);
  const indexes = weights.map((_, i) => i);
  const trips: PlannedTrip[] = [];
  let seq = 0;
  for (const { gate, direction, count } of gateVolumes(profile, total)) {
    const opens = minutes(gate.hours.opens);
    const lastStart = minutes(gate.hours.closes) - profile.windowHours * 60;
    for (let n = 0; n < count; n++) {
      const cargo = pickWeighted(profile.cargo[direction], (c) => c.share, random());
      const weightKg = Math.round((cargo.tonnes[0] + random() * (cargo.tonnes[1] - cargo.tonnes[0])) * 1000);
      const packages = Math.max(1, Math.round(weightKg / cargo.kgPerPackage));
      const netWeightKg = Math.round(weightKg * 0.95);
      const truck = truckFor(seq, direction, cargo, weightKg, profile, random);
      // Windows spread over the open day in whole hours; the declaration comes at least an hour before.
      const from = opens + 60 * Math.floor(random() * ((lastStart - opens) / 60 + 1));
      let declared = declarationMinute(profile, random);
      if (declared > from - 60) declared = Math.max(0, from - 60 - Math.floor(random() * 120));
      const chineseDriver = truck.plateCountry === 'CN';
      const driverName = chineseDriver
        ? `${CN_NAMES[Math.floor(random() * CN_NAMES.length)]}${CN_GIVEN[Math.floor(random() * CN_GIVEN.length)]}`
        : `${VN_NAMES[Math.floor(random() * VN_NAMES.length)]} ${VN_GIVEN[Math.floor(random() * VN_GIVEN.length)]}`;
      trips.push({
        seq,
        gateId: gate.id,
        direction,
        declaredAtMinute: declared,
        window: { from: hhmm(from), to: hhmm(from + profile.windowHours * 60) },
        enterprise: pickWeighted(indexes, (i) => weights[i], random()),
        truck,
        driver: {
          fullName: driverName,
          nationality: chineseDriver ? 'CN' : 'VN',
          documentType: chineseDriver ? 'passport' : 'border_pass',
          documentNumber: chineseDriver ? `EH${String(1000000 + seq).padStart(7, '0')}` : `GT${String(1200000 + seq).padStart(7, '0')}`,
        },
        cargo: {
          key: cargo.key,
          hsCode: cargo.hsCode,
          description: cargo.description,
          packages,
          packageKind: cargo.packageKind,
          grossWeightKg: weightKg,
          netWeightKg,
          declaredValueUsd: Math.round(netWeightKg * cargo.usdPerKg),
          fruit: cargo.fruit,
          growingAreaCode: cargo.fruit && direction === 'export' ? `VN${'LSN'}-${String(100 + (seq % 900)).padStart(4, '0')}` : null,
          packingHouseCode: cargo.fruit && direction === 'export' ? `VN${'PHL'}-${String(200 + (seq % 700)).padStart(4, '0')}` : null,
        },
      });
      seq++;
    }
  }
  return trips.sort((a, b) => a.declaredAtMinute - b.declaredAtMinute || a.seq - b.seq);
}
