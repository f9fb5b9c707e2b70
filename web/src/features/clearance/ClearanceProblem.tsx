import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';

// A refused clearance request in the reader's language: the headline from the server (Chinese
// from the UI's translation of the code), every field problem with where it is, the actions
// the workflow allows instead, and the request id to quote to support.

interface FieldProblem { path: string; message: unknown; code?: string }
type Lang = 'vi' | 'en' | 'zh';

function serverText(message: unknown, lang: Lang): string {
  if (typeof message === 'string') return message;
  if (message && typeof message === 'object' && 'en' in message) {
    const m = message as { vi?: string; en: string };
    return lang === 'vi' && m.vi ? m.vi : m.en;
  }
  return '';
}

export function ClearanceProblem({ error, where, onReload }: { error: unknown; where?: (path: string) => string | null; onReload?: () => void }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const lang = i18n.language as Lang;
  const problem = error instanceof ApiError ? (error.problem as ApiError['problem'] & { allowedActions?: string[] }) : null;
  const code = problem?.code ?? 'server.internal';
  const headline = !problem
    ? t('errors.unknown')
    : lang === 'zh'
      ? t(`errors.${code}`, { defaultValue: problem.messages?.en ?? problem.title })
      : (problem.messages?.[lang] ?? problem.title);
  const fields = (problem?.errors ?? []) as FieldProblem[];
  return (
    <div role="alert" className="alert" data-code={code} data-testid="clearance-problem">
      <strong>{headline}</strong>
      {fields.length > 0 && (
        <ul data-testid="problem-list">
          {fields.map((f, i) => {
            const path = f.path.replace(/^body(?=\/)/, '');
            const place = where?.(path) ?? path;
            const known = f.code && i18n.exists(`clearanceProblems.${f.code}`) ? t(`clearanceProblems.${f.code}`) : null;
            const detail = serverText(f.message, lang);
            return (
              <li key={i} data-path={path} data-code={f.code}>
                <code>{place}</code>: {known ?? detail}
                {known && detail && lang !== 'en' && <small className="muted"> ({detail})</small>}
              </li>
            );
          })}
        </ul>
      )}
      {problem?.allowedActions && (
        <p data-testid="allowed-actions">
          {t('clearance.allowedNow')}: {problem.allowedActions.length ? problem.allowedActions.map((a) => t(`clearanceDecision.outcome.${a}`, { defaultValue: a })).join(', ') : t('common.none')}
        </p>
      )}
      {onReload && (code === 'clearance.version_conflict' || code === 'clearance.invalid_transition') && (
        <p><button type="button" className="secondary" onClick={onReload} data-testid="reload-after-conflict">{t('clearance.reload')}</button></p>
      )}
      {problem?.requestId && <small>{t('common.requestId')}: {problem.requestId}</small>}
    </div>
  );
}
