import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineColumn, parseRules, rulesText, syntaxProblem } from './ruleSetEditor';
import { conditionTexts } from './ruleText';

const shipped = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../../../reference/clearance/risk-rules.json'), 'utf8')).rules;

describe('the rule set editor', () => {
  it('accepts the shipped rule set as it is', () => {
    expect(parseRules(rulesText(shipped)).problems).toEqual([]);
  });

  it('says where a syntax error is', () => {
    const text = '{\n  "seed": "abcdefgh",\n  "rules": [,]\n}';
    const { problems } = parseRules(text);
    expect(problems).toHaveLength(1);
    expect(problems[0].keyword).toBe('json');
    expect(problems[0].params).toEqual({ line: 3, column: 13 });
  });

  it('finds the position itself, whatever the engine says, and keeps its text as detail', () => {
    const problem = syntaxProblem('{\n  "a": tru\n}', new SyntaxError('engine text'));
    expect(problem).toMatchObject({ params: { line: 2, column: 8 }, message: 'engine text' });
    expect(lineColumn('a\nbc\n', 5)).toEqual({ line: 3, column: 1 });
  });

  it('lists every schema problem at once, one per missing or unknown field, with request paths', () => {
    const broken = { ...shipped, seed: 'short', extra: true, random: { red: 2, yellow: 0 } } as Record<string, unknown>;
    delete broken.quota;
    broken.rules = [{ ...shipped.rules[0], channel: 'blue', when: {} }];
    const { problems } = parseRules(JSON.stringify(broken));
    const found = problems.map((p) => `${p.path} ${p.keyword}`);
    expect(found).toEqual(expect.arrayContaining([
      '/rules/quota required',
      '/rules/extra additionalProperties',
      '/rules/seed minLength',
      '/rules/random/red maximum',
      '/rules/rules/0/channel enum',
      '/rules/rules/0/when minProperties',
    ]));
    // The validator's duplicate "schema is false" entries are not shown.
    expect(found.filter((f) => f.startsWith('/rules/extra'))).toHaveLength(1);
  });
});

describe('rule conditions in words', () => {
  const t = (key: string, o?: Record<string, unknown>) => `${key}${o ? JSON.stringify(o) : ''}`;

  it('names every condition of a rule', () => {
    const texts = conditionTexts({ complianceClass: ['B', 'C'], declaredValueBelowReference: 0.5, perishable: true, minPreviousRefusals: 2 }, t, 'en');
    expect(texts).toEqual([
      'clearanceRules.when.complianceClass{"list":"B or C"}',
      'clearanceRules.when.valueBelow{"percent":50}',
      'clearanceRules.when.refusals{"n":2}',
      'clearanceRules.when.perishable',
    ]);
  });

  it('covers each rule of the shipped set', () => {
    for (const rule of shipped.rules) expect(conditionTexts(rule.when, t, 'vi').length).toBe(Object.keys(rule.when).length);
  });
});
