import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Poppler's command-line tools (poppler-utils, installed in CI) read the PDFs back in tests, so
// assertions are about what a reader sees, not about pdfkit's internals.

export interface PdfFile { file: string; dir: string; dispose: () => void }

export function writeTempPdf(pdf: Buffer, name = 'report.pdf'): PdfFile {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-report-'));
  const file = path.join(dir, name);
  writeFileSync(file, pdf);
  return { file, dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export function pdfText(file: string, pages?: { first: number; last: number }): string {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' });
}

export function pdfPageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const match = /^Pages:\s+(\d+)/m.exec(info);
  if (!match) throw new Error(`pdfinfo gave no page count:\n${info}`);
  return Number(match[1]);
}

/** Renders page 1 at 60 dpi and returns the PNG's path. */
export function renderFirstPagePng(pdf: PdfFile): string {
  const prefix = path.join(pdf.dir, 'page');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf.file, prefix]);
  const png = readdirSync(pdf.dir).find((n) => n.startsWith('page') && n.endsWith('.png'));
  if (!png) throw new Error('pdftoppm wrote no PNG');
  return path.join(pdf.dir, png);
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
