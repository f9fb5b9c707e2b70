import {
  AlignmentType, BorderStyle, Document, Header, Packer, PageNumber, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun,
  VerticalAlignTable, WidthType,
} from 'docx';
import { closingBlock, contentWidth, FONT, headingBlock, line, page, pt, titleBlock } from './docx-parts';
import { buildReportModel, type Block, type Run, type TableColumn, type TableCell as ModelCell } from './report-model';
import type { PlanReportData } from './report-data';

// The plan report as an editable Word document (Decree 30/2020/NĐ-CP presentation):
// Times New Roman, 14 pt body, 12 pt tables, page numbers at the top centre from page 2.

const BODY = 14;
const TABLE = 12;
const FIRST_LINE_INDENT = 567; // 1 cm
const bodySpacing = { before: 60, after: 60, line: 288 };

function runs(items: Run[], size: number): TextRun[] {
  return items.map((r) => new TextRun({ text: r.text, font: FONT, size: pt(size), bold: r.bold, italics: r.italic }));
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const gridBorders = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };

function dataTable(columns: TableColumn[], rows: ModelCell[][]): Table {
  const widths = columns.map((c) => Math.round(c.width * contentWidth));
  const cellOf = (paragraphs: Paragraph[], width: number, header: boolean) => new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    verticalAlign: header ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    children: paragraphs,
  });
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cellOf([new Paragraph({ alignment: AlignmentType.CENTER, children: runs([{ text: c.header, bold: true }], TABLE) })], widths[i], true)),
  });
  const bodyRows = rows.map((row) => new TableRow({
    children: row.map((cellParagraphs, i) => {
      const alignment = columns[i].align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
      const paragraphs = (cellParagraphs.length > 0 ? cellParagraphs : [[]]).map((p) => new Paragraph({ alignment, spacing: { before: 0, after: 40 }, children: runs(p, TABLE) }));
      return cellOf(paragraphs, widths[i], false);
    }),
  }));
  return new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: gridBorders,
    rows: [headerRow, ...bodyRows],
  });
}

function blockToDocx(block: Block): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: block.level === 1 ? undefined : { firstLine: FIRST_LINE_INDENT },
        spacing: { ...bodySpacing, before: block.level === 1 ? 180 : 120 },
        keepNext: true,
        children: runs([{ text: block.text, bold: true, italic: block.level === 3 }], BODY),
      })];
    case 'paragraph':
      return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE_INDENT }, spacing: bodySpacing, children: runs(block.runs, BODY) })];
    case 'bullet':
      return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE_INDENT }, spacing: bodySpacing, children: runs([{ text: '- ' }, ...block.runs], BODY) })];
    case 'note':
      return [new Paragraph({ spacing: { before: 60, after: 60 }, children: runs([{ text: block.text, italic: true }], TABLE) })];
    case 'table':
      // An empty paragraph after a table keeps Word from merging consecutive tables.
      return [dataTable(block.columns, block.rows), new Paragraph({ spacing: { before: 0, after: 60 }, children: [] })];
  }
}

export async function renderReportDocx(data: PlanReportData): Promise<Buffer> {
  const model = buildReportModel(data);
  const pageNumberHeader = new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(BODY) })] })],
  });
  const doc = new Document({
    creator: data.issuer.nameVi,
    title: `${model.title} ${model.subject}`,
    styles: { default: { document: { run: { font: FONT, size: pt(BODY) } } } },
    sections: [{
      properties: { page: { size: { width: page.width, height: page.height }, margin: page.margin }, titlePage: true },
      headers: { default: pageNumberHeader, first: new Header({ children: [] }) },
      children: [
        headingBlock(model),
        ...titleBlock(model),
        ...model.blocks.flatMap(blockToDocx),
        line('', BODY),
        closingBlock(model),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
