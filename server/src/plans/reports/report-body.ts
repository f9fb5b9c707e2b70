import { fill, labels, orDash, roleLabel, statusLabel, unitLabel } from './labels';
import { formatDate, formatInstantDate, percentText } from './format';
import type { Block, Run, TableCell, TableColumn } from './report-model';
import { periodText, planReference } from './report-text';
import type { PlanReportData, PlanReportKpi, PlanReportSection, PlanReportTask } from './report-data';

// Sections I–IV of the report body (Decree 30 layout), as renderer-neutral blocks.

const text = (t: string): Run[] => [{ text: t }];
const cell = (...paragraphs: Run[][]): TableCell => paragraphs.filter((p) => p.length > 0);

const taskColumns: TableColumn[] = [
  { header: labels.taskTable.ref, width: 0.08, align: 'center' },
  { header: labels.taskTable.task, width: 0.32 },
  { header: labels.taskTable.role, width: 0.1, align: 'center' },
  { header: labels.taskTable.time, width: 0.13, align: 'center' },
  { header: labels.taskTable.status, width: 0.13, align: 'center' },
  { header: labels.taskTable.result, width: 0.24 },
];

const kpiColumns: TableColumn[] = [
  { header: labels.kpiTable.number, width: 0.06, align: 'center' },
  { header: labels.kpiTable.kpi, width: 0.34 },
  { header: labels.kpiTable.unit, width: 0.1, align: 'center' },
  { header: labels.kpiTable.target, width: 0.11, align: 'center' },
  { header: labels.kpiTable.baseline, width: 0.11, align: 'center' },
  { header: labels.kpiTable.actual, width: 0.13, align: 'center' },
  { header: labels.kpiTable.assessment, width: 0.15, align: 'center' },
];

function taskRow(task: PlanReportTask): TableCell[] {
  const product: Run[] = task.expectedProductVi
    ? [{ text: labels.taskTable.expectedProduct, italic: true }, { text: task.expectedProductVi, italic: true }]
    : [];
  const deadline = task.deadline ? text(fill(labels.taskTable.deadline, { date: formatDate(task.deadline) })) : [];
  const progress = task.progressPercent === null ? [] : text(fill(labels.taskTable.progress, { percent: task.progressPercent }));
  const evidence: Run[] = task.evidence.length > 0
    ? [{ text: labels.taskTable.evidence, italic: true }, { text: task.evidence.join(labels.listSeparator) }]
    : [];
  return [
    cell(text(task.ref)),
    cell(text(task.titleVi), product),
    cell(text(roleLabel(task.role))),
    cell(text(task.periodTextVi), deadline),
    cell([{ text: statusLabel(task.status), bold: task.status === 'overdue' }], progress),
    cell(text(orDash(task.resultVi)), evidence),
  ];
}

function agencyBlocks(section: PlanReportSection, index: number): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 3, text: fill(labels.results.agencyHeading, { index, name: section.agencyNameVi }) }];
  const submission = section.submitted && section.submittedAt
    ? fill(labels.results.submittedOn, { date: formatInstantDate(section.submittedAt) })
    : labels.results.notSubmitted;
  blocks.push({ kind: 'paragraph', runs: [{ text: submission, italic: true }] });
  if (section.tasks.length === 0) blocks.push({ kind: 'paragraph', runs: text(labels.results.noTasks) });
  else blocks.push({ kind: 'table', columns: taskColumns, rows: section.tasks.map(taskRow) });
  return blocks;
}

function resultsSection(data: PlanReportData): Block[] {
  const { counts } = data;
  const countLine = (key: keyof typeof labels.countLabels, count: number): Block => ({
    kind: 'bullet',
    runs: text(fill(labels.results.countLine, { label: labels.countLabels[key], count, percent: percentText(count, counts.total) })),
  });
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: labels.sections.results },
    { kind: 'heading', level: 2, text: labels.results.overall },
    { kind: 'paragraph', runs: text(fill(labels.results.overallText, { total: counts.total })) },
    countLine('done', counts.done),
    countLine('inProgress', counts.inProgress),
    countLine('notStarted', counts.notStarted),
    countLine('overdue', counts.overdue),
    countLine('cancelled', counts.cancelled),
    { kind: 'heading', level: 2, text: labels.results.byAgency },
  ];
  if (data.sections.length === 0) blocks.push({ kind: 'paragraph', runs: text(labels.results.noSections) });
  data.sections.forEach((section, i) => blocks.push(...agencyBlocks(section, i + 1)));
  return blocks;
}

export function kpiAssessment(kpi: PlanReportKpi): string {
  if (kpi.onTrack === null) return labels.kpiAssessment.unknown;
  return kpi.onTrack ? labels.kpiAssessment.onTrack : labels.kpiAssessment.offTrack;
}

function kpiSection(data: PlanReportData): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: labels.sections.kpis }];
  if (data.kpis.length === 0) return [...blocks, { kind: 'paragraph', runs: text(labels.noKpis) }];
  const rows = data.kpis.map((kpi, i): TableCell[] => [
    cell(text(String(i + 1))),
    cell(text(kpi.textVi)),
    cell(text(unitLabel(kpi.unit))),
    cell(text(kpi.targetText)),
    cell(text(orDash(kpi.baselineText))),
    cell(text(orDash(kpi.actualText) + (kpi.computed && kpi.actualText ? labels.kpiTable.computedMark : ''))),
    cell([{ text: kpiAssessment(kpi), bold: kpi.onTrack === false }]),
  ]);
  blocks.push({ kind: 'table', columns: kpiColumns, rows });
  if (data.kpis.some((k) => k.computed && k.actualText)) blocks.push({ kind: 'note', text: labels.kpiComputedNote });
  return blocks;
}

/** Overdue tasks once each, named with their lead agency when the report has it. */
export function overdueTasks(data: PlanReportData): Array<{ task: PlanReportTask; agencyNameVi: string }> {
  const byRef = new Map<string, { task: PlanReportTask; agencyNameVi: string; lead: boolean }>();
  for (const section of data.sections) {
    for (const task of section.tasks) {
      if (task.status !== 'overdue') continue;
      const seen = byRef.get(task.ref);
      if (!seen || (!seen.lead && task.role === 'lead')) {
        byRef.set(task.ref, { task, agencyNameVi: section.agencyNameVi, lead: task.role === 'lead' });
      }
    }
  }
  return [...byRef.values()].map(({ task, agencyNameVi }) => ({ task, agencyNameVi }));
}

function issuesSection(data: PlanReportData): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: labels.sections.issues }, { kind: 'heading', level: 2, text: labels.issues.overdue }];
  const overdue = overdueTasks(data);
  if (overdue.length === 0) blocks.push({ kind: 'paragraph', runs: text(labels.issues.noOverdue) });
  for (const { task, agencyNameVi } of overdue) {
    const deadline = task.deadline ? formatDate(task.deadline) : task.periodTextVi;
    blocks.push({ kind: 'bullet', runs: text(fill(labels.issues.overdueItem, { ref: task.ref, title: task.titleVi.replace(/[.;\s]+$/u, ''), agency: agencyNameVi, deadline })) });
  }
  blocks.push({ kind: 'heading', level: 2, text: labels.issues.missing });
  if (data.missingAgencies.length === 0) blocks.push({ kind: 'paragraph', runs: text(labels.issues.noMissing) });
  for (const agency of data.missingAgencies) blocks.push({ kind: 'bullet', runs: text(`${agency.nameVi}.`) });
  const offTrack = data.kpis.filter((k) => k.onTrack === false);
  if (data.kpis.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: labels.issues.offTrack });
    if (offTrack.length === 0) blocks.push({ kind: 'paragraph', runs: text(labels.issues.noOffTrack) });
    for (const kpi of offTrack) {
      const item = fill(labels.issues.offTrackItem, { kpi: kpi.textVi.replace(/[.;\s]+$/u, ''), target: kpi.targetText, actual: orDash(kpi.actualText) });
      blocks.push({ kind: 'bullet', runs: text(item) });
    }
  }
  return blocks;
}

// Section IV is drafted for the author to finish: what the data itself calls for (overdue work,
// missing reports), what the agencies wrote, and a marked placeholder.
function proposalsSection(data: PlanReportData): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: labels.sections.proposals }];
  const overdue = overdueTasks(data).length;
  if (overdue > 0) blocks.push({ kind: 'bullet', runs: text(fill(labels.proposals.overdue, { count: overdue })) });
  if (data.missingAgencies.length > 0) {
    const agencies = data.missingAgencies.map((a) => a.nameVi).join(labels.listSeparator);
    blocks.push({ kind: 'bullet', runs: text(fill(labels.proposals.missing, { agencies })) });
  }
  const summaries = data.sections.filter((s) => s.summaryVi);
  if (summaries.length > 0) {
    blocks.push({ kind: 'paragraph', runs: [{ text: labels.proposals.fromSummaries, italic: true }] });
    for (const s of summaries) {
      blocks.push({ kind: 'bullet', runs: text(fill(labels.proposals.summaryItem, { agency: s.agencyNameVi, summary: s.summaryVi ?? '' })) });
    }
  }
  blocks.push({ kind: 'paragraph', runs: [{ text: labels.proposals.placeholder, italic: true }] });
  return blocks;
}

export function buildBody(data: PlanReportData): Block[] {
  const intro = fill(labels.intro, {
    plan: planReference(data),
    issuer: data.issuer.nameVi,
    period: periodText(data),
    from: formatDate(data.period.from),
    to: formatDate(data.period.to),
  });
  return [{ kind: 'paragraph', runs: text(intro) }, ...resultsSection(data), ...kpiSection(data), ...issuesSection(data), ...proposalsSection(data)];
}
