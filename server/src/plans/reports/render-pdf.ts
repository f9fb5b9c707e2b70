import PDFDocument from 'pdfkit';
import { reportFonts } from './fonts';
import { drawTable, ensureSpace, frameOf, measureRuns, writeRuns } from './pdf-layout';
import { buildReportModel, type Block, type ReportModel } from './report-model';
import type { PlanReportData } from './report-data';

// The plan report as a PDF for reading and archiving, laid out like the DOCX (Decree 30/2020/NĐ-CP)
// but in DejaVu Sans, which is wider than Times, hence the slightly smaller sizes.

type Doc = InstanceType<typeof PDFDocument>;

const MM = 72 / 25.4;
const margins = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 20 * MM };
const BODY = 11.5;
const TABLE = { size: 8.5, padding: 3, paragraphGap: 2 };
const INDENT = 10 * MM;
const LINE_GAP = 2;
const PARAGRAPH_GAP = 4;

/** The largest size up to `max` at which `text` fits on one line of `width`. */
function fitSize(doc: Doc, face: string, text: string, max: number, width: number): number {
  doc.font(face).fontSize(max);
  const natural = doc.widthOfString(text);
  return natural <= width ? max : Math.floor((max * width * 10) / natural) / 10;
}

function centred(doc: Doc, text: string, face: string, size: number, x: number, width: number, y: number): number {
  doc.font(face).fontSize(size).text(text, x, y, { width, align: 'center' });
  return doc.y;
}

function hRule(doc: Doc, centre: number, length: number, y: number): void {
  doc.lineWidth(0.6).moveTo(centre - length / 2, y).lineTo(centre + length / 2, y).stroke();
}

function drawHeading(doc: Doc, model: ReportModel): void {
  const f = frameOf(doc);
  const leftWidth = f.width * 0.42;
  const rightX = f.left + leftWidth;
  const rightWidth = f.width - leftWidth;
  const h = model.header;
  let ly = f.top;
  if (h.parentLine) ly = centred(doc, h.parentLine, 'regular', fitSize(doc, 'regular', h.parentLine, 11, leftWidth), f.left, leftWidth, ly);
  const issuerSize = 11;
  ly = centred(doc, h.issuerLine, 'bold', issuerSize, f.left, leftWidth, ly);
  const issuerWidth = Math.min(doc.font('bold').fontSize(issuerSize).widthOfString(h.issuerLine), leftWidth);
  hRule(doc, f.left + leftWidth / 2, Math.max(issuerWidth * 0.45, 30), ly + 2);
  ly = centred(doc, h.numberLine, 'regular', 11, f.left, leftWidth, ly + 8);

  let ry = f.top;
  ry = centred(doc, h.nation, 'bold', fitSize(doc, 'bold', h.nation, 11, rightWidth), rightX, rightWidth, ry);
  const mottoSize = fitSize(doc, 'bold', h.motto, 12, rightWidth);
  ry = centred(doc, h.motto, 'bold', mottoSize, rightX, rightWidth, ry);
  hRule(doc, rightX + rightWidth / 2, doc.font('bold').fontSize(mottoSize).widthOfString(h.motto), ry + 2);
  ry = centred(doc, h.dateLine, 'italic', fitSize(doc, 'italic', h.dateLine, 11.5, rightWidth), rightX, rightWidth, ry + 8);

  doc.y = Math.max(ly, ry) + 22;
  doc.y = centred(doc, model.title, 'bold', 13, f.left, f.width, doc.y);
  doc.y = centred(doc, model.subject, 'bold', 12, f.left + 20, f.width - 40, doc.y + 2);
  hRule(doc, f.left + f.width / 2, f.width / 6, doc.y + 6);
  doc.y += 18;
  doc.x = f.left;
}

function drawBlock(doc: Doc, block: Block): void {
  const f = frameOf(doc);
  const body = { size: BODY, lineGap: LINE_GAP, indent: INDENT, align: 'justify' as const };
  switch (block.kind) {
    case 'heading': {
      const runs = [{ text: block.text, bold: true, italic: block.level === 3 }];
      const style = { ...body, indent: block.level === 1 ? 0 : INDENT };
      // Keep a heading with the first lines of what follows it.
      ensureSpace(doc, measureRuns(doc, runs, f.width, style) + 60);
      writeRuns(doc, runs, f.left, doc.y + (block.level === 1 ? 6 : 3), f.width, style);
      break;
    }
    case 'paragraph':
      writeRuns(doc, block.runs, f.left, doc.y, f.width, body);
      break;
    case 'bullet':
      writeRuns(doc, [{ text: '- ' }, ...block.runs], f.left, doc.y, f.width, body);
      break;
    case 'note':
      writeRuns(doc, [{ text: block.text, italic: true }], f.left, doc.y, f.width, { size: TABLE.size + 0.5 });
      break;
    case 'table':
      doc.y += 2;
      drawTable(doc, block.columns, block.rows, TABLE);
      break;
  }
  doc.y += PARAGRAPH_GAP;
}

function drawClosing(doc: Doc, model: ReportModel): void {
  const f = frameOf(doc);
  const leftWidth = f.width * 0.48;
  const rightX = f.left + leftWidth;
  const rightWidth = f.width - leftWidth;
  const items = model.recipients.items;
  const leftHeight = 14 + items.reduce((s, item) => s + doc.font('regular').fontSize(9.5).heightOfString(item, { width: leftWidth }), 0);
  const rightHeight = model.signer.titleLines.length * 15 + 75;
  ensureSpace(doc, Math.max(leftHeight, rightHeight) + 12);
  const top = doc.y + 12;
  let ly = top;
  doc.font('boldItalic').fontSize(10.5).text(model.recipients.heading, f.left, ly, { width: leftWidth });
  ly = doc.y;
  for (const item of items) {
    doc.font('regular').fontSize(9.5).text(item, f.left, ly, { width: leftWidth });
    ly = doc.y;
  }
  let ry = top;
  for (const title of model.signer.titleLines) ry = centred(doc, title, 'bold', 11.5, rightX, rightWidth, ry);
  if (model.signer.name) ry = centred(doc, model.signer.name, 'bold', 11.5, rightX, rightWidth, ry + 60);
  doc.y = Math.max(ly, ry);
}

/** Decree 30 numbers pages at the top centre, from the second page on. */
function numberPages(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const f = frameOf(doc);
    doc.font('regular').fontSize(10).text(String(i + 1), f.left, f.top / 2, { width: f.width, align: 'center', lineBreak: false });
  }
}

export function renderReportPdf(data: PlanReportData): Promise<Buffer> {
  const model = buildReportModel(data);
  const doc = new PDFDocument({
    size: 'A4',
    margins,
    bufferPages: true,
    info: { Title: `${model.title} ${model.subject}`, Author: data.issuer.nameVi, CreationDate: new Date(data.generatedAt) },
  });
  for (const [face, font] of Object.entries(reportFonts())) doc.registerFont(face, font);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      drawHeading(doc, model);
      for (const block of model.blocks) drawBlock(doc, block);
      drawClosing(doc, model);
      numberPages(doc);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}
