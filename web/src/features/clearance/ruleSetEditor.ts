import Value from 'typebox/value';
import { RiskRules } from '../../../../shared/schemas/clearance';
import { jsonErrorOffset } from './jsonPosition';

// The rule set editor checks the JSON as it is typed, against the same schema the server
// validates with, and lists every problem at once with where it is. Paths are those of the
// publish request ("/rules/…"), so the server's own checks (repeated ids, unknown classes,
// rates) appear in the same list after a refused publish.

export interface EditorProblem {
  path: string;
  /** Schema keyword (required, minimum, pattern…) or "json" for a syntax error. */
  keyword: string;
  params: Record<string, unknown>;
  /** The validator's English text, used when no translation exists. */
  message: string;
}

export interface Parsed {
  rules: unknown;
  problems: EditorProblem[];
}

/** Line and column (1-based) of a character offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** A JSON.parse error with where it happened (found by our own scan; the engine's text is kept as detail). */
export function syntaxProblem(text: string, error: unknown): EditorProblem {
  const message = error instanceof Error ? error.message : String(error);
  const offset = jsonErrorOffset(text);
  return { path: '', keyword: 'json', params: lineColumn(text, offset ?? 0), message };
}

const MAX_PROBLEMS = 100;

/** Schema problems of a parsed rule set, one per missing or unexpected property. */
export function schemaProblems(rules: unknown): EditorProblem[] {
  const problems: EditorProblem[] = [];
  for (const e of Value.Errors(RiskRules, rules)) {
    const at = `/rules${e.instancePath}`;
    const params = (e.params ?? {}) as Record<string, unknown>;
    // "schema is false" repeats each additionalProperties error below.
    if (e.keyword === 'boolean') continue;
    if (e.keyword === 'required' && Array.isArray(params.requiredProperties)) {
      for (const name of params.requiredProperties as string[]) problems.push({ path: `${at}/${name}`, keyword: 'required', params: {}, message: `${name} is required` });
    } else if (e.keyword === 'additionalProperties' && Array.isArray(params.additionalProperties)) {
      for (const name of params.additionalProperties as string[]) problems.push({ path: `${at}/${name}`, keyword: 'additionalProperties', params: {}, message: `${name} is not allowed` });
    } else {
      problems.push({ path: at, keyword: e.keyword, params, message: e.message });
    }
    if (problems.length >= MAX_PROBLEMS) break;
  }
  return problems;
}

export function parseRules(text: string): Parsed {
  let rules: unknown;
  try {
    rules = JSON.parse(text);
  } catch (error) {
    return { rules: null, problems: [syntaxProblem(text, error)] };
  }
  return { rules, problems: schemaProblems(rules) };
}

/** The editor's starting text: a version's rules, pretty-printed. */
export function rulesText(rules: unknown): string {
  return JSON.stringify(rules, null, 2);
}

/** A local date-time input value ("2026-11-24T07:00") as an ISO instant, or undefined when empty. */
export function effectiveFromIso(local: string): string | undefined {
  if (!local) return undefined;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}
