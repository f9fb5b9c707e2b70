import { expect, test } from 'vitest';
import { codeProblems } from './approved-codes';

// An approved list is checked as a whole: every problem is reported at once, with its place.
test('every problem of a list is reported with its path', () => {
  const problems = codeProblems(
    [
      { kind: 'puc', code: 'VNORC-0999', fruit: 'durian' },
      { kind: 'phc', code: 'not a code', fruit: 'durian' },
      { kind: 'puc', code: 'VNORC-0998', fruit: 'kiwi' },
      { kind: 'puc', code: ' vnorc-0999', fruit: 'durian' },
      { kind: 'xyz' as never, code: 'VNORC-0997', fruit: 'lychee' },
    ],
    (i) => `/codes/${i}`,
  );
  expect(problems.map((p) => `${p.path}:${p.code}`)).toEqual(['/codes/1/code:format', '/codes/2/fruit:fruit', '/codes/3/code:duplicate', '/codes/4/kind:kind']);
});

test('a clean list has no problems; the same code may be approved for two fruits', () => {
  expect(codeProblems([{ kind: 'phc', code: 'VNPHC-0610', fruit: 'lychee' }, { kind: 'phc', code: 'VNPHC-0610', fruit: 'longan' }], (i) => `/codes/${i}`)).toEqual([]);
});
