import path from 'node:path';
import PDFDocument from 'pdfkit';
import { repoRoot } from '../config';

// Small pdfkit helpers shared by receipts and gate passes. DejaVu Sans carries every Vietnamese
// (and Latin) letter; Chinese plates are written with their Latin transliteration where needed.

export type Doc = InstanceType<typeof PDFDocument>;

const FONT_DIR = path.join(repoRoot, 'node_modules', 'dejavu-fonts-ttf', 'ttf');

export function newDocument(title: string, at: Date): Doc {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title, Producer: 'Cửa khẩu số', CreationDate: at } });
  doc.registerFont('body', path.join(FONT_DIR, 'DejaVuSans.ttf'));
  doc.registerFont('bold', path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
  doc.font('body');
  return doc;
}

export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** "1.234.567 đ": Vietnamese grouping for money on printed documents. */
export function vnd(amount: number): string {
  return `${amount.toLocaleString('de-DE')} đ`;
}

/** A label / value line pair in two columns. */
export function field(doc: Doc, label: string, value: string, x = 50, width = 495) {
  const y = doc.y;
  doc.font('body').fontSize(9).fillColor('#555').text(label, x, y, { width: 170 });
  doc.font('bold').fontSize(10).fillColor('#000').text(value, x + 175, y, { width: width - 175 });
  doc.moveDown(0.3);
}
