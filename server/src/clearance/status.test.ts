import { expect, test } from 'vitest';
import type { ControlStatus } from '../../../shared/schemas/clearance';
import { clearanceOf } from './status';

// The trip's clearance from its controls: cleared only when every required control passed.
test.each<[ControlStatus[], string]>([
  [[], 'pending'],
  [['passed', 'passed', 'waived'], 'cleared'],
  [['passed', 'pending'], 'pending'],
  [['passed', 'documents_requested', 'pending'], 'held'],
  [['passed', 'inspection'], 'held'],
  [['passed', 'inspection', 'refused'], 'refused'],
  [['passed', 'closed'], 'cleared'],
  [['closed', 'closed'], 'pending'],
])('%j → %s', (statuses, expected) => {
  expect(clearanceOf(statuses)).toBe(expected);
});
