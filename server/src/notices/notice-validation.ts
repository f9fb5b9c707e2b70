import type { FieldError } from '../platform/errors';
import { AppError } from '../platform/errors';
import { requireGateScope, type AuthenticatedActor } from '../platform/actor';
import type { Executor } from './notices.repository';
import { missingTranslations } from './notice-view';

// The checks a notice passes before it is saved (period, gates, scope) and before it is
// published (every language present, period not over). Every problem is listed at once.

const MAX_PERIOD_MS = 366 * 24 * 3_600_000;

export interface NoticeDraft {
  gateIds: string[];
  validFrom: Date;
  validTo: Date;
}

function field(path: string, code: 'notices.period_invalid' | 'notices.unknown_gate', message: string): FieldError {
  return { path, code, message };
}

export async function checkDraft(db: Executor, actor: AuthenticatedActor, draft: NoticeDraft): Promise<void> {
  const problems: FieldError[] = [];
  if (Number.isNaN(draft.validFrom.getTime()) || Number.isNaN(draft.validTo.getTime()) || draft.validTo <= draft.validFrom) {
    problems.push(field('/validTo', 'notices.period_invalid', 'validTo must be after validFrom'));
  } else if (draft.validTo.getTime() - draft.validFrom.getTime() > MAX_PERIOD_MS) {
    problems.push(field('/validTo', 'notices.period_invalid', 'a notice covers at most 366 days'));
  }
  const known = new Set((await db.selectFrom('gates').select('id').where('id', 'in', draft.gateIds).execute()).map((g) => g.id));
  draft.gateIds.forEach((g, i) => {
    if (!known.has(g)) problems.push(field(`/gateIds/${i}`, 'notices.unknown_gate', `no gate ${g}`));
  });
  if (problems.length > 0) throw new AppError('notices.invalid', { errors: problems });
  // An authority speaks only for its own gates.
  for (const g of draft.gateIds) requireGateScope(actor, g);
}

export function checkPublishable(row: { title_en: string | null; title_zh: string | null; body_en: string | null; body_zh: string | null; valid_to: Date }, now: Date): void {
  const missing = missingTranslations(row);
  if (missing.length > 0) {
    throw new AppError('notices.translation_missing', {
      errors: missing.map((m) => ({ path: `/${m.replace('.', '/')}`, code: 'notices.translation_missing', message: `${m} is required to publish` })),
    });
  }
  if (row.valid_to <= now) throw new AppError('notices.period_over');
}
