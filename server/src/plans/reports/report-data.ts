// The data contract between the plans capability (which gathers a report from the database)
// and the pure renderers in this folder (DOCX, PDF, XLSX). No I/O happens here.

export type ReportKind = 'six_month' | 'annual';

export type ReportTaskStatus = 'not_started' | 'in_progress' | 'done' | 'overdue' | 'cancelled';

export interface PlanReportTask {
  ref: string;
  titleVi: string;
  role: 'lead' | 'coordinating';
  periodTextVi: string;
  deadline: string | null;
  status: ReportTaskStatus;
  progressPercent: number | null;
  resultVi: string | null;
  expectedProductVi: string | null;
  evidence: string[];
}

export interface PlanReportSection {
  agencyCode: string;
  agencyNameVi: string;
  submitted: boolean;
  submittedAt: string | null;
  summaryVi: string | null;
  tasks: PlanReportTask[];
}

export interface PlanReportKpi {
  code: string;
  textVi: string;
  unit: string;
  targetText: string;
  baselineText: string | null;
  actualText: string | null;
  onTrack: boolean | null;
  computed: boolean;
}

export interface PlanReportData {
  kind: ReportKind;
  year: number;
  period: { from: string; to: string }; // 'YYYY-MM-DD'
  generatedAt: string; // ISO instant; rendered in Asia/Ho_Chi_Minh
  place: string; // e.g. 'Cao Bằng'
  /** The reporting body (plan owner); abbreviation as in "BC-SCT", derived from nameVi when absent. */
  issuer: { code: string; nameVi: string; parentNameVi?: string | null; abbreviation?: string | null };
  recipients: string[]; // 'Nơi nhận'
  plan: { id: string; number: string | null; issuedOn: string | null; titleVi: string };
  counts: { total: number; done: number; inProgress: number; notStarted: number; overdue: number; cancelled: number };
  sections: PlanReportSection[];
  kpis: PlanReportKpi[];
  missingAgencies: Array<{ code: string; nameVi: string }>;
  signer: { titleVi: string; nameVi: string | null }; // e.g. 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC'
  /** Shown after "Số: "; by default left blank for the clerk, as "      /BC-<abbreviation>". */
  documentNumber?: string | null;
}

export interface TaskExportRow {
  planId: string;
  planTitleVi: string;
  ref: string;
  group: string;
  titleVi: string;
  leadAgencyVi: string;
  coordinatingAgenciesVi: string;
  responsiblePerson: string | null;
  periodTextVi: string;
  deadline: string | null;
  expectedProductVi: string | null;
  authorityVi: string | null;
  status: string;
  progressPercent: number | null;
  lastUpdateAt: string | null;
  lastUpdateVi: string | null;
  gateIds: string[];
}
