// What every drill reports: the checks it made (each pass or fail, with the evidence) and the
// figures it measured. A drill passes when every check does.

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface DrillResult {
  name: string;
  passed: boolean;
  seconds: number;
  checks: Check[];
  figures: Record<string, unknown>;
  notes: string[];
}

export class DrillLog {
  readonly checks: Check[] = [];
  readonly figures: Record<string, unknown> = {};
  readonly notes: string[] = [];
  private readonly started = performance.now();

  constructor(readonly name: string) {}

  check(name: string, ok: boolean, detail = ''): boolean {
    this.checks.push({ name, ok, detail });
    const mark = ok ? 'ok  ' : 'FAIL';
    console.log(`  [${mark}] ${name}${detail ? ` — ${detail}` : ''}`);
    return ok;
  }

  figure(name: string, value: unknown): void {
    this.figures[name] = value;
    console.log(`  ${name}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  }

  note(text: string): void {
    this.notes.push(text);
    console.log(`  note: ${text}`);
  }

  result(): DrillResult {
    return {
      name: this.name,
      passed: this.checks.length > 0 && this.checks.every((c) => c.ok),
      seconds: Math.round((performance.now() - this.started) / 100) / 10,
      checks: this.checks,
      figures: this.figures,
      notes: this.notes,
    };
  }
}
