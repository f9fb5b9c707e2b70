import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** Shows a problem in the reader's language, with every field error and the request id. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : null;
  const lang = i18n.language as 'vi' | 'en' | 'zh';
  const text = !problem
    ? t('errors.unknown')
    : lang === 'zh'
      ? t(`errors.${problem.code}`, { defaultValue: problem.messages?.en ?? problem.title })
      : (problem.messages?.[lang] ?? problem.title);
  return (
    <div role="alert" className="alert" data-code={problem?.code}>
      <strong>{text}</strong>
      {problem?.errors && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((e, i) => (
            <li key={i}>
              <code>{e.path}</code>: {typeof e.message === 'string' ? e.message : lang === 'vi' ? e.message.vi : e.message.en}
            </li>
          ))}
        </ul>
      )}
      {problem?.requestId && (
        <small>
          {t('common.requestId')}: {problem.requestId}
        </small>
      )}
    </div>
  );
}
