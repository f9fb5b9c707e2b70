import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType, type IBorderOptions } from 'docx';
import type { ReportModel } from './report-model';

// The fixed parts of a Decree 30 document in DOCX: the two-column heading (issuing body and
// national motto) and the closing block ("Nơi nhận" beside the signature).

/** A4 with Decree 30 margins (top/bottom 20 mm, left 30 mm, right 20 mm), in twentieths of a point. */
export const page = { width: 11906, height: 16838, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } };
export const contentWidth = page.width - page.margin.left - page.margin.right;
export const FONT = 'Times New Roman';
/** docx sizes are half-points. */
export const pt = (points: number) => points * 2;

const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
const cellNoBorders = { top: none, bottom: none, left: none, right: none };

export function line(text: string, size: number, opts: { bold?: boolean; italic?: boolean; align?: 'center' | 'left'; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: opts.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
    spacing: { before: 0, after: opts.after ?? 0 },
    children: [new TextRun({ text, font: FONT, size: pt(size), bold: opts.bold, italics: opts.italic })],
  });
}

/** A centred horizontal rule `width` twips long, drawn as the top border of a 1-pt empty paragraph. */
export function rule(columnWidth: number, width: number, after = 60): Paragraph {
  const indent = Math.max(0, Math.round((columnWidth - width) / 2));
  return new Paragraph({
    indent: { left: indent, right: indent },
    spacing: { before: 20, after, line: 20, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    run: { size: 2 },
    children: [],
  });
}

function layoutTable(widths: number[], cells: Paragraph[][]): Table {
  return new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [
      new TableRow({
        children: cells.map((children, i) => new TableCell({ width: { size: widths[i], type: WidthType.DXA }, borders: cellNoBorders, children })),
      }),
    ],
  });
}

export function headingBlock(model: ReportModel): Table {
  const left = Math.round(contentWidth * 0.42);
  const right = contentWidth - left;
  const h = model.header;
  const leftCell = [
    ...(h.parentLine ? [line(h.parentLine, 13)] : []),
    line(h.issuerLine, 13, { bold: true }),
    rule(left, Math.round(left / 3), 120),
    line(h.numberLine, 13),
  ];
  const rightCell = [
    line(h.nation, 12.5, { bold: true }),
    line(h.motto, 13.5, { bold: true }),
    // The rule under the motto is as long as the motto itself (about 59% of the column).
    rule(right, Math.round(right * 0.6), 120),
    line(h.dateLine, 14, { italic: true }),
  ];
  return layoutTable([left, right], [leftCell, rightCell]);
}

export function titleBlock(model: ReportModel): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 360, after: 0 },
      children: [new TextRun({ text: model.title, font: FONT, size: pt(14), bold: true })],
    }),
    line(model.subject, 14, { bold: true }),
    rule(contentWidth, Math.round(contentWidth / 6), 240),
  ];
}

export function closingBlock(model: ReportModel): Table {
  const left = Math.round(contentWidth * 0.48);
  const right = contentWidth - left;
  const leftCell = [
    line(model.recipients.heading, 12, { bold: true, italic: true, align: 'left' }),
    ...model.recipients.items.map((item) => line(item, 11, { align: 'left' })),
  ];
  const rightCell = [
    ...model.signer.titleLines.map((t) => line(t, 14, { bold: true })),
    // Room for the signature and seal.
    ...[0, 1, 2, 3].map(() => line('', 14)),
    ...(model.signer.name ? [line(model.signer.name, 14, { bold: true })] : []),
  ];
  return layoutTable([left, right], [leftCell, rightCell]);
}
