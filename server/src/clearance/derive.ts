import type { Channel, ClearanceAgency, ControlBasis, ControlFlag, ControlKind } from '../../../shared/schemas/clearance';
import { lineCodeChecks, type CodeApprovals, type TripFacts } from './facts';
import type { AutoWhen, ControlRules, DeriveWhen, EpidemicAlert } from './reference';

// Which controls a trip needs (pure: rules as data in, controls out), and whether one may be
// waived or passed by the system. reference/clearance/control-rules.json documents the vocabulary.

export interface DerivedControl {
  kind: ControlKind;
  agency: ClearanceAgency;
  basis: ControlBasis[];
  /** Cargo lines the control covers (union of its rules' matches). */
  lines: number[];
  flags: ControlFlag[];
  /** Set when every rule requiring the control lets it be waived for this trip. */
  waiver: { ruleId: string; description: { vi: string; en: string } } | null;
}

/** Epidemic alerts in force for this trip (by its crossing day, origins, driver and direction). */
export function alertsFor(alerts: EpidemicAlert[], facts: TripFacts): EpidemicAlert[] {
  const day = facts.plannedDate;
  if (!day) return [];
  return alerts.filter(
    (a) =>
      a.from <= day &&
      (a.to === null || day <= a.to) &&
      (!a.directions || (facts.direction !== null && a.directions.includes(facts.direction))) &&
      (!a.driverNationalities || (facts.driver !== null && a.driverNationalities.includes(facts.driver.nationality))) &&
      (!a.origins || facts.lines.some((l) => l.origin !== null && a.origins!.includes(l.origin))),
  );
}

const hasHsCondition = (w: DeriveWhen) => !!(w.hsChapters || w.hsHeadings || w.hsPrefixes);

function lineMatches(w: DeriveWhen, hs: string | null): boolean {
  if (!hs) return false;
  if (w.hsChapters && !w.hsChapters.includes(hs.slice(0, 2))) return false;
  if (w.hsHeadings && !w.hsHeadings.includes(hs.slice(0, 4))) return false;
  if (w.hsPrefixes && !w.hsPrefixes.some((p) => hs.startsWith(p))) return false;
  return true;
}

function tripMatches(w: DeriveWhen, facts: TripFacts, alerts: EpidemicAlert[]): boolean {
  if (w.directions && (facts.direction === null || !w.directions.includes(facts.direction))) return false;
  const nationality = facts.driver?.nationality ?? null;
  if (w.driverNationalities && (nationality === null || !w.driverNationalities.includes(nationality))) return false;
  if (w.driverNationalitiesNot && nationality !== null && w.driverNationalitiesNot.includes(nationality)) return false;
  if (w.epidemicAlert !== undefined && (alerts.length > 0) !== w.epidemicAlert) return false;
  return true;
}

export interface AutoContext {
  facts: TripFacts;
  customsChannel: Channel | null;
  alerts: EpidemicAlert[];
  approvals: CodeApprovals;
}

/** The conditions of `when` that do not hold for this control (empty: all hold). */
export function failedConditions(when: AutoWhen, control: Pick<DerivedControl, 'lines' | 'flags'>, ctx: AutoContext): string[] {
  const { facts } = ctx;
  const failed: string[] = [];
  const lines = facts.lines.filter((l) => control.lines.includes(l.index));
  const kinds = new Set(facts.documents.map((d) => d.kind));
  if (when.customsChannel && (ctx.customsChannel === null || !when.customsChannel.includes(ctx.customsChannel))) failed.push('customsChannel');
  if (when.driverDocumentValid && (!facts.driver || !facts.plannedDate || facts.driver.documentExpiresOn < facts.plannedDate)) failed.push('driverDocumentValid');
  if (when.vehicleInspectionValid) {
    const expires = facts.vehicle?.inspectionExpiresOn;
    if (!facts.vehicle || (expires && facts.plannedDate && expires < facts.plannedDate)) failed.push('vehicleInspectionValid');
  }
  if (when.hsPrefixesOnly && !lines.every((l) => l.hs !== null && when.hsPrefixesOnly!.some((p) => l.hs!.startsWith(p)))) failed.push('hsPrefixesOnly');
  if (when.codesApproved) {
    const bad = lines.some((l) => {
      const c = lineCodeChecks(facts, l, ctx.approvals);
      return [c.growingArea, c.packingHouse].some((r) => r === 'not_approved' || r === 'missing');
    });
    if (bad) failed.push('codesApproved');
  }
  if (when.documentsPresent && !when.documentsPresent.every((k) => kinds.has(k))) failed.push('documentsPresent');
  if (when.documentsAny && !when.documentsAny.some((k) => kinds.has(k))) failed.push('documentsAny');
  if (when.noEpidemicAlert && ctx.alerts.length > 0) failed.push('noEpidemicAlert');
  if (when.driverNationalities && (!facts.driver || !when.driverNationalities.includes(facts.driver.nationality))) failed.push('driverNationalities');
  if (when.directions && (facts.direction === null || !when.directions.includes(facts.direction))) failed.push('directions');
  // A flagged control (e.g. a code not on the approved list) always goes to an officer.
  if (control.flags.length > 0) failed.push('noFlags');
  return failed;
}

function codeFlags(facts: TripFacts, lines: number[], approvals: CodeApprovals): ControlFlag[] {
  const flags: ControlFlag[] = [];
  for (const line of facts.lines.filter((l) => lines.includes(l.index))) {
    const c = lineCodeChecks(facts, line, approvals);
    const pairs = [
      ['growingArea', c.growingArea, line.growingAreaCode, 'mã số vùng trồng', 'growing-area code'],
      ['packingHouse', c.packingHouse, line.packingHouseCode, 'mã số cơ sở đóng gói', 'packing-house code'],
    ] as const;
    for (const [, result, code, vi, en] of pairs) {
      if (result === 'not_approved') {
        flags.push({ code: 'code_not_approved', lineIndex: line.index, message: { vi: `Dòng ${line.index + 1}: ${vi} ${code} không có trong danh sách được phê duyệt`, en: `Line ${line.index + 1}: ${en} ${code} is not on the approved list` } });
      } else if (result === 'missing') {
        flags.push({ code: 'code_missing', lineIndex: line.index, message: { vi: `Dòng ${line.index + 1}: thiếu ${vi}`, en: `Line ${line.index + 1}: ${en} missing` } });
      }
    }
  }
  return flags;
}

/** Every control the trip needs now, with the rules and lines behind each, its flags and any waiver. */
export function deriveControls(rules: ControlRules, facts: TripFacts, approvals: CodeApprovals): DerivedControl[] {
  const alerts = alertsFor(rules.epidemicAlerts, facts);
  const byKey = new Map<string, DerivedControl & { waivable: boolean }>();
  for (const rule of rules.rules) {
    if (!tripMatches(rule.when, facts, alerts)) continue;
    const lines = hasHsCondition(rule.when) ? facts.lines.filter((l) => lineMatches(rule.when, l.hs)).map((l) => l.index) : [];
    if (hasHsCondition(rule.when) && lines.length === 0) continue;
    const key = `${rule.kind}:${rule.agency}`;
    const control = byKey.get(key) ?? { kind: rule.kind, agency: rule.agency, basis: [], lines: [], flags: [], waiver: null, waivable: true };
    control.basis.push({ ruleId: rule.id, description: rule.description, lines });
    control.lines = [...new Set([...control.lines, ...lines])].sort((a, b) => a - b);
    const waived = rule.waiveWhen !== undefined && failedConditions(rule.waiveWhen, { lines, flags: [] }, { facts, customsChannel: null, alerts, approvals }).length === 0;
    if (waived && control.waivable) control.waiver ??= { ruleId: rule.id, description: rule.waiveDescription ?? rule.description };
    if (!waived) {
      control.waivable = false;
      control.waiver = null;
    }
    byKey.set(key, control);
  }
  return [...byKey.values()].map(({ waivable: _waivable, ...c }) => {
    const flags = c.kind === 'plant_quarantine' ? codeFlags(facts, c.lines, approvals) : [];
    if (c.kind === 'health_quarantine') {
      for (const a of alerts) flags.push({ code: 'epidemic_alert', lineIndex: null, message: a.description });
    }
    return { ...c, flags };
  });
}

/** Whether the system passes this control before arrival, and which autoPass conditions failed. */
export function autoPassCheck(rules: ControlRules, control: Pick<DerivedControl, 'kind' | 'lines' | 'flags'>, ctx: AutoContext): { ok: boolean; failed: string[] } {
  const rule = rules.autoPass[control.kind];
  if (!rule) return { ok: false, failed: ['no_auto_pass_rule'] };
  const failed = failedConditions(rule.when, control, ctx);
  return { ok: failed.length === 0, failed };
}
