import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { fieldProblems, messageText, problemsAt, type FieldProblem, type Lang } from './problems';

/** Formats a field problem in the reader's language. */
export function useProblemText() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (p: FieldProblem) => {
      // The schema validator answers in English only; its common rules have translations.
      if (typeof p.message === 'string' && p.code && i18n.exists(`tripsCommon.schema.${p.code}`)) return t(`tripsCommon.schema.${p.code}`);
      return messageText(p.message, p.code, i18n.language as Lang, (code) => (i18n.exists(`tripErrors.${code}`) ? t(`tripErrors.${code}`) : null));
    },
    [t, i18n],
  );
}

/** The problems the server listed for one field, shown right under it. */
export function FieldErrors({ problems, path, prefix = false }: { problems: FieldProblem[]; path: string; prefix?: boolean }) {
  const text = useProblemText();
  const here = problemsAt(problems, path, prefix);
  if (here.length === 0) return null;
  return (
    <span className="field-error" role="alert" data-testid="field-error" data-path={path}>
      {here.map((p, i) => (
        <span key={i} data-code={p.code ?? undefined}>{text(p)}</span>
      ))}
    </span>
  );
}

/** Moves the keyboard focus to the input of a field (inputs carry data-path); false when there is none. */
export function focusField(path: string): boolean {
  const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]:is(input,select,textarea)`);
  el?.focus();
  return !!el;
}

/** After a refused save, the keyboard goes to the first field to fix. */
export function focusFirstProblem(problems: FieldProblem[]) {
  setTimeout(() => problems.some((p) => focusField(p.path)), 0);
}

/**
 * The headline of a failed request in the reader's language, with how many fields need fixing
 * and, as links that focus the field, any problem the form has no place for.
 */
export function ProblemSummary({ error, placed }: { error: unknown; placed?: (path: string) => boolean }) {
  const { t, i18n } = useTranslation();
  const text = useProblemText();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : null;
  const lang = i18n.language as Lang;
  const code = problem?.code ?? 'server.internal';
  const headline = !problem
    ? t('errors.unknown')
    : lang === 'zh'
      ? t(`tripErrors.${code}`, { defaultValue: t(`errors.${code}`, { defaultValue: problem.messages?.en ?? problem.title }) })
      : (problem.messages?.[lang] ?? problem.title);
  const listed = fieldProblems(error);
  const elsewhere = listed.filter((p) => !placed?.(p.path));
  return (
    <div role="alert" className="alert" data-code={code} data-testid="problem-summary">
      <strong>{headline}</strong>
      {listed.length > 0 && <p>{t('tripsCommon.problemCount', { count: listed.length })}</p>}
      {elsewhere.length > 0 && (
        <ul>
          {elsewhere.map((p, i) => (
            <li key={i}>
              <button type="button" className="link" onClick={() => focusField(p.path)}>{p.path}</button>: {text(p)}
            </li>
          ))}
        </ul>
      )}
      {problem?.requestId && <small>{t('common.requestId')}: {problem.requestId}</small>}
    </div>
  );
}
