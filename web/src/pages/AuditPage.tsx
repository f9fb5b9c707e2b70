import { useTranslation } from 'react-i18next';
import type { AuditRecord } from '../../../shared/schemas/accounts';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatInstant } from '../components/format';
import { useApi } from '../components/useApi';

// Staff work in Vietnam, so the log is shown in Vietnam time.
const STAFF_ZONE = 'Asia/Ho_Chi_Minh';

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const { data, error } = useApi<{ items: AuditRecord[] }>('/api/v1/audit?limit=200');
  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <ErrorMessage error={error} />
      {data?.items.length === 0 && <p>{t('audit.empty')}</p>}
      <div className="table-wrap">
        <table className="table" data-testid="audit">
          <thead><tr><th>{t('audit.at')}</th><th>{t('audit.actor')}</th><th>{t('audit.action')}</th><th>{t('audit.entity')}</th><th>{t('audit.reason')}</th></tr></thead>
          <tbody>
            {data?.items.map((r) => (
              <tr key={r.id}>
                <td>{formatInstant(r.at, i18n.language, STAFF_ZONE)}</td>
                <td>{r.actorLabel}{r.actorRole ? ` (${t(`role.${r.actorRole}`)})` : ''}</td>
                <td><code>{r.action}</code></td>
                <td>{r.entityType}/{r.entityId}</td>
                <td>{r.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
