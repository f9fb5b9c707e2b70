import { tripsErrors } from '../../../../shared/errors/trips';
import { ApiError } from '../../api/client';

// Turns a server answer into problems attached to form fields. The server lists every failed
// check at once (trips.checks_failed, fleet.invalid_*), each with a JSON pointer into the
// request; schema failures (request.invalid) point at "body/…"; a fee quote names the field in
// its details ("cargoLines[2].taxableImport"). All three end up as "/cargoLines/2/…".

export interface FieldProblem {
  path: string;
  code: string | null;
  /** Vietnamese and English from the server, or a single text (schema validator messages). */
  message: { vi: string; en: string } | string;
}

export type Lang = 'vi' | 'en' | 'zh';

/** "body/cargoLines/0/hsCode", "cargoLines[0].hsCode" and "/cargoLines/0/hsCode" → "/cargoLines/0/hsCode". */
export function normalisePath(path: string): string {
  let p = path.replace(/^(body|querystring|params|headers)(?=\/|$)/, '');
  if (!p.startsWith('/')) p = `/${p.replace(/\[(\d+)\]/g, '.$1').replace(/\./g, '/')}`;
  if (p.startsWith('/vehicle/')) return '/vehicleId';
  return p.replace(/\/+$/, '') || '/';
}

function asMessage(value: unknown): FieldProblem['message'] {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'vi' in value && 'en' in value) return value as { vi: string; en: string };
  return '';
}

/** Every field problem an error carries (none when it is not a server problem). */
export function fieldProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError)) return [];
  const problem = error.problem as ApiError['problem'] & { details?: { field?: unknown } };
  const listed = (problem.errors ?? []).map((e) => {
    const entry = e as { path: string; message: unknown; code?: string };
    return { path: normalisePath(entry.path), code: entry.code ?? null, message: asMessage(entry.message) };
  });
  if (listed.length === 0 && typeof problem.details?.field === 'string') {
    listed.push({ path: normalisePath(problem.details.field), code: problem.code, message: problem.messages ?? problem.title });
  }
  return listed;
}

/** The dry-run checks of a saved declaration, as the same problem a refused submission gives. */
export function checksProblem(errors: Array<{ path: string; code: string; message: { vi: string; en: string } }>): ApiError {
  const def = tripsErrors['trips.checks_failed'];
  return new ApiError({ code: 'trips.checks_failed', status: def.status, title: def.en, messages: { vi: def.vi, en: def.en }, errors: errors as never });
}

/** Problems at exactly this path, or (with `prefix`) at it and below it. */
export function problemsAt(problems: FieldProblem[], path: string, prefix = false): FieldProblem[] {
  return problems.filter((p) => p.path === path || (prefix && p.path.startsWith(`${path}/`)));
}

const catalog = tripsErrors as Record<string, { vi: string; en: string } | undefined>;

/**
 * The message in the reader's language. Vietnamese and English come from the server (with the
 * specifics it appends: which day, which hours, which limit). Chinese comes from the UI's
 * translation of the code, followed by those specifics.
 */
export function messageText(message: FieldProblem['message'], code: string | null, lang: Lang, zh: (code: string) => string | null): string {
  if (typeof message === 'string') return message;
  if (lang !== 'zh') return message[lang];
  const translated = code ? zh(code) : null;
  if (!translated) return message.en;
  const base = code ? catalog[code]?.en : undefined;
  const specifics = base && message.en.startsWith(base) ? message.en.slice(base.length).trim() : '';
  return specifics ? `${translated} ${specifics}` : translated;
}
