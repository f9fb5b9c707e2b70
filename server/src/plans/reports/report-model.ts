import { labels, fill } from './labels';
import { abbreviate, issuerLine, upperVi } from './format';
import { buildBody } from './report-body';
import { dateLine, subjectText } from './report-text';
import type { PlanReportData } from './report-data';

// A renderer-neutral description of the report, so the DOCX and the PDF say exactly the same
// thing and only differ in how they draw it.

export interface Run { text: string; bold?: boolean; italic?: boolean }

export interface TableColumn { header: string; width: number; align?: 'left' | 'center' }

/** A cell is a list of paragraphs, each a list of runs. */
export type TableCell = Run[][];

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'bullet'; runs: Run[] }
  | { kind: 'note'; text: string }
  | { kind: 'table'; columns: TableColumn[]; rows: TableCell[][] };

export interface ReportModel {
  header: { parentLine: string | null; issuerLine: string; numberLine: string; nation: string; motto: string; dateLine: string };
  title: string;
  subject: string;
  blocks: Block[];
  recipients: { heading: string; items: string[] };
  signer: { titleLines: string[]; name: string | null };
}

function numberLine(data: PlanReportData): string {
  const number = data.documentNumber?.trim()
    || fill(labels.header.numberBlank, { abbreviation: data.issuer.abbreviation?.trim() || abbreviate(data.issuer.nameVi) });
  return fill(labels.header.number, { number });
}

/** "- A;" for each recipient, then the archive line, as in Decree 30's "Nơi nhận". */
function recipientItems(recipients: string[]): string[] {
  const names = recipients.map((r) => r.trim().replace(/[;.]$/u, '')).filter((r) => r.length > 0);
  const archiveWord = upperVi(labels.recipients.archive.split(':')[0]);
  const hasArchive = names.some((n) => upperVi(n).startsWith(archiveWord));
  const items = names.map((n, i) => (i === names.length - 1 && hasArchive ? `- ${n}.` : `- ${n};`));
  if (!hasArchive) items.push(`- ${labels.recipients.archive}`);
  return items;
}

export function buildReportModel(data: PlanReportData): ReportModel {
  return {
    header: {
      parentLine: data.issuer.parentNameVi ? upperVi(data.issuer.parentNameVi) : null,
      issuerLine: issuerLine(data.issuer.nameVi, data.issuer.parentNameVi),
      numberLine: numberLine(data),
      nation: labels.header.nation,
      motto: labels.header.motto,
      dateLine: dateLine(data.place, data.generatedAt),
    },
    title: labels.title,
    subject: subjectText(data),
    blocks: buildBody(data),
    recipients: { heading: labels.recipients.heading, items: recipientItems(data.recipients) },
    signer: {
      titleLines: data.signer.titleVi.split(/\s*[/\n]\s*/u).map((l) => upperVi(l.trim())).filter((l) => l.length > 0),
      name: data.signer.nameVi?.trim() || null,
    },
  };
}
