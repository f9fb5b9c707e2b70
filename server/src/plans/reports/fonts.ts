import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// DejaVu Sans covers Vietnamese (precomposed letters with two diacritics) and is installed as a
// package, so PDFs render the same on every machine. Paths are resolved through the module
// system, not the working directory, so any clone and any cwd work.

export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

const files: Record<FontFace, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
};

const require = createRequire(import.meta.url);
let cache: Record<FontFace, Buffer> | null = null;

export function fontPath(face: FontFace): string {
  return require.resolve(`dejavu-fonts-ttf/ttf/${files[face]}`);
}

/** The four faces, read once per process. */
export function reportFonts(): Record<FontFace, Buffer> {
  cache ??= {
    regular: readFileSync(fontPath('regular')),
    bold: readFileSync(fontPath('bold')),
    italic: readFileSync(fontPath('italic')),
    boldItalic: readFileSync(fontPath('boldItalic')),
  };
  return cache;
}

export function faceOf(run: { bold?: boolean; italic?: boolean }): FontFace {
  if (run.bold && run.italic) return 'boldItalic';
  if (run.bold) return 'bold';
  return run.italic ? 'italic' : 'regular';
}
