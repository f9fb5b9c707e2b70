import fs from 'node:fs';
import path from 'node:path';
import { describeMachine } from '../bench/lib/machine';
import { hostileDrill } from './hostile';
import { killServerDrill } from './kill-server';
import type { DrillResult } from './lib/drill';
import { pgRestartDrill } from './pg-restart';
import { twoProcessDrill } from './two-process';

// npm run drill [name …]: the fault drills, each against its own PostgreSQL server and server
// processes, each ending with invariant checks. Names: kill-server, pg-restart, two-processes,
// hostile-input (default: all). Results go to drills/reports/latest.{json,md}; the exit code is
// non-zero when a drill fails.

const drills: Record<string, () => Promise<DrillResult>> = {
  'kill-server': () => killServerDrill(),
  'pg-restart': () => pgRestartDrill(),
  'two-processes': () => twoProcessDrill(),
  'hostile-input': () => hostileDrill(),
};

const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = requested.filter((name) => !drills[name]);
if (unknown.length > 0) {
  console.error(`unknown drill ${unknown.join(', ')}; known: ${Object.keys(drills).join(', ')}`);
  process.exit(2);
}
const names = requested.length > 0 ? requested : Object.keys(drills);
const results: DrillResult[] = [];
for (const name of names) {
  console.log(`\n== drill ${name}`);
  const result = await drills[name]();
  results.push(result);
  console.log(`== ${name}: ${result.passed ? 'PASSED' : 'FAILED'} in ${result.seconds} s`);
}

const dir = path.join(import.meta.dirname, 'reports');
fs.mkdirSync(dir, { recursive: true });
const machine = describeMachine('');
const report = { generatedAt: new Date().toISOString(), command: `npm run drill ${requested.join(' ')}`.trim(), machine, results };
fs.writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
const md = [
  '# Fault drills',
  '',
  `Generated ${report.generatedAt} by \`${report.command}\` on ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}.`,
  '',
  ...results.flatMap((r) => [
    `## ${r.name}: ${r.passed ? 'passed' : '**FAILED**'} (${r.seconds} s)`,
    '',
    ...r.checks.map((c) => `- ${c.ok ? '✔' : '✘'} ${c.name}${c.detail ? ` — ${c.detail}` : ''}`),
    ...Object.entries(r.figures).map(([k, v]) => `- ${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`),
    ...r.notes.map((n) => `- note: ${n}`),
    '',
  ]),
].join('\n');
fs.writeFileSync(path.join(dir, 'latest.md'), `${md}\n`);
console.log(`\nreport: ${path.join(dir, 'latest.md')}`);
process.exit(results.every((r) => r.passed) ? 0 : 1);
