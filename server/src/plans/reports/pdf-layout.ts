import type PDFDocument from 'pdfkit';
import { faceOf } from './fonts';
import type { Run, TableCell, TableColumn } from './report-model';

// Flowing layout on top of pdfkit: page-break checks, paragraphs of mixed runs, and ruled tables
// whose header row repeats on every page they cross.

type Doc = InstanceType<typeof PDFDocument>;

export interface Frame { left: number; width: number; top: number; bottom: number }

export function frameOf(doc: Doc): Frame {
  const m = doc.page.margins;
  return { left: m.left, width: doc.page.width - m.left - m.right, top: m.top, bottom: doc.page.height - m.bottom };
}

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace(doc: Doc, height: number): void {
  const frame = frameOf(doc);
  // At the top of a page a new page would not help, only leave a blank one.
  if (doc.y + height > frame.bottom && doc.y > frame.top + 1) {
    doc.addPage();
    doc.y = frame.top;
  }
}

export interface TextStyle { size: number; align?: 'left' | 'center' | 'justify'; indent?: number; lineGap?: number }

/** Conservative height of a paragraph: measured in bold when any run is bold, as bold is wider. */
export function measureRuns(doc: Doc, runs: Run[], width: number, style: TextStyle): number {
  if (runs.length === 0) return doc.font('regular').fontSize(style.size).currentLineHeight(true) + (style.lineGap ?? 0);
  const face = runs.every((r) => faceOf(r) === faceOf(runs[0])) ? faceOf(runs[0]) : 'bold';
  const text = runs.map((r) => r.text).join('');
  return doc.font(face).fontSize(style.size).heightOfString(text, { width, indent: style.indent, lineGap: style.lineGap });
}

/** Joins neighbouring runs of the same face, so a one-face paragraph is one pdfkit call. */
function mergeRuns(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && faceOf(last) === faceOf(run)) merged[merged.length - 1] = { ...last, text: last.text + run.text };
    else merged.push({ ...run });
  }
  return merged;
}

/** Writes runs as one paragraph starting at (x, y); pdfkit flows it onto new pages if needed. */
export function writeRuns(doc: Doc, runs: Run[], x: number, y: number, width: number, style: TextStyle): void {
  const items = mergeRuns(runs.length > 0 ? runs : [{ text: ' ' }]);
  // Justification across font changes misplaces words in pdfkit; justify single-face paragraphs only.
  const align = style.align === 'justify' && items.length > 1 ? 'left' : style.align ?? 'left';
  items.forEach((run, i) => {
    doc.font(faceOf(run)).fontSize(style.size);
    const options = { width, align, indent: style.indent, lineGap: style.lineGap, continued: i < items.length - 1 };
    if (i === 0) doc.text(run.text, x, y, options);
    else doc.text(run.text, options);
  });
}

export interface TableStyle { size: number; padding: number; paragraphGap: number }

function cellHeight(doc: Doc, cell: TableCell, width: number, style: TableStyle, align: 'left' | 'center'): number {
  const inner = width - 2 * style.padding;
  const paragraphs = cell.length > 0 ? cell : [[]];
  const text = paragraphs.reduce((sum, p) => sum + measureRuns(doc, p, inner, { size: style.size, align }), 0);
  return text + style.paragraphGap * (paragraphs.length - 1) + 2 * style.padding;
}

function drawRow(doc: Doc, cells: TableCell[], xs: number[], widths: number[], aligns: Array<'left' | 'center'>, y: number, height: number, style: TableStyle): void {
  cells.forEach((cell, i) => {
    let cy = y + style.padding;
    const inner = widths[i] - 2 * style.padding;
    const limit = y + height - style.padding;
    for (const paragraph of cell.length > 0 ? cell : [[]]) {
      const textStyle = { size: style.size, align: aligns[i] };
      if (cy + measureRuns(doc, paragraph, inner, textStyle) > limit) {
        // Only a row taller than a page gets here: cut the text rather than let pdfkit flow it
        // out of the cell onto a new page.
        const text = paragraph.map((r) => r.text).join('');
        doc.font('regular').fontSize(style.size).text(text, xs[i] + style.padding, cy, { width: inner, align: aligns[i], height: Math.max(0, limit - cy), ellipsis: true });
        break;
      }
      writeRuns(doc, paragraph, xs[i] + style.padding, cy, inner, textStyle);
      cy = doc.y + style.paragraphGap;
    }
    doc.lineWidth(0.5).rect(xs[i], y, widths[i], height).stroke();
  });
}

/** Draws a table at doc.y across the frame width, breaking between rows. */
export function drawTable(doc: Doc, columns: TableColumn[], rows: TableCell[][], style: TableStyle): void {
  const frame = frameOf(doc);
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * frame.width);
  const xs = widths.map((_, i) => frame.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const header: TableCell[] = columns.map((c) => [[{ text: c.header, bold: true }]]);
  const headerAligns = columns.map(() => 'center' as const);
  const aligns = columns.map((c) => c.align ?? 'left');
  const headerHeight = Math.max(...header.map((c, i) => cellHeight(doc, c, widths[i], style, 'center')));
  // A row taller than a whole page cannot be kept together: it is cut to one page (see drawRow).
  const rowHeight = (row: TableCell[]) => Math.min(
    Math.max(...row.map((c, i) => cellHeight(doc, c, widths[i], style, aligns[i]))),
    frame.bottom - frame.top - headerHeight,
  );
  const drawHeader = () => {
    const y = doc.y;
    drawRow(doc, header, xs, widths, headerAligns, y, headerHeight, style);
    doc.y = y + headerHeight;
  };
  ensureSpace(doc, headerHeight + (rows.length > 0 ? rowHeight(rows[0]) : 0));
  drawHeader();
  for (const row of rows) {
    const height = rowHeight(row);
    // At the top of a page a new page would not help, only leave a blank one.
  if (doc.y + height > frame.bottom && doc.y > frame.top + 1) {
      doc.addPage();
      doc.y = frame.top;
      drawHeader();
    }
    const y = doc.y;
    drawRow(doc, row, xs, widths, aligns, y, height, style);
    doc.y = y + height;
  }
  doc.x = frame.left;
}
