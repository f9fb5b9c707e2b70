import type { ClearanceAgency, ControlKind, LegalBasis, RiskRules } from '../../../shared/schemas/clearance';
import { readDataset, type Dataset } from '../db/reference-data';

// The clearance capability's reference data (reference/clearance): control derivation rules,
// legal bases, inspection bays, the first risk rule set and the first approved-code list. Read
// once per process; the rule set, bays and codes are loaded into tables by the seed.

type Bilingual = { vi: string; en: string };
type Trilingual = Bilingual & { zh: string };

/** Conditions that decide whether a control is required (see the notes in control-rules.json). */
export interface DeriveWhen {
  hsChapters?: string[];
  hsHeadings?: string[];
  hsPrefixes?: string[];
  directions?: string[];
  driverNationalities?: string[];
  driverNationalitiesNot?: string[];
  epidemicAlert?: boolean;
}

/** Conditions for an automatic pass or waiver. */
export interface AutoWhen {
  customsChannel?: string[];
  driverDocumentValid?: boolean;
  vehicleInspectionValid?: boolean;
  hsPrefixesOnly?: string[];
  codesApproved?: boolean;
  documentsPresent?: string[];
  documentsAny?: string[];
  noEpidemicAlert?: boolean;
  driverNationalities?: string[];
  directions?: string[];
}

export interface ControlRule {
  id: string;
  kind: ControlKind;
  agency: ClearanceAgency;
  when: DeriveWhen;
  waiveWhen?: AutoWhen;
  description: Bilingual;
  waiveDescription?: Bilingual;
}

export interface EpidemicAlert {
  id: string;
  from: string;
  to: string | null;
  origins?: string[];
  driverNationalities?: string[];
  directions?: string[];
  description: Bilingual;
}

export interface ControlRules {
  version: string;
  agencies: Record<ClearanceAgency, Trilingual>;
  controls: Record<ControlKind, { agency: ClearanceAgency | null; dependsOn: string[] }>;
  rules: ControlRule[];
  autoPass: Partial<Record<ControlKind, { when: AutoWhen; description: Bilingual }>>;
  epidemicAlerts: EpidemicAlert[];
}

export interface BayData {
  id: string;
  gateId: string;
  name: Trilingual;
  place: Trilingual;
  agencies: ClearanceAgency[];
  opens: string;
  closes: string;
  slotMinutes: number;
  trucksPerSlot: number;
}

export interface ApprovedCodeData {
  kind: 'puc' | 'phc';
  code: string;
  fruit: string;
  holder?: string | null;
  province?: string | null;
}

const cache = new Map<string, Dataset<unknown>>();
function load<T>(file: string): Dataset<T> {
  if (!cache.has(file)) cache.set(file, readDataset<unknown>(file));
  return cache.get(file) as Dataset<T>;
}

export function controlRules(): ControlRules {
  const d = load<Omit<ControlRules, 'version'>>('clearance/control-rules.json');
  return { ...d.data, version: d.version };
}

export const legalBasesDataset = () => load<{ bases: LegalBasis[] }>('clearance/legal-bases.json');
export const legalBases = (): LegalBasis[] => legalBasesDataset().data.bases;
export const legalBasis = (id: string | null | undefined): LegalBasis | undefined => (id ? legalBases().find((b) => b.id === id) : undefined);

export const baysDataset = () => load<{ bays: BayData[] }>('clearance/inspection-bays.json');
export const riskRulesDataset = () => load<{ rules: RiskRules }>('clearance/risk-rules.json');
export const approvedCodesDataset = () => load<{ label: string; codes: ApprovedCodeData[] }>('clearance/approved-codes.json');
