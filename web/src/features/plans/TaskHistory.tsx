import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { EvidenceFile, TaskDetail } from '../../../../shared/schemas/plans';
import { formatInstant } from '../../components/format';
import { agencyName, PLAN_TIME_ZONE, useAgencies } from './labels';
import { StatusBadge } from './TaskList';

export function FileLink({ file }: { file: EvidenceFile }) {
  const { t } = useTranslation();
  return (
    <a href={file.url} download={file.fileName} title={`SHA-256 ${file.sha256}`}>
      {file.fileName} ({t('plans.update.size', { kb: Math.max(1, Math.round(file.sizeBytes / 1024)) })})
    </a>
  );
}

/** Progress reports with their evidence, then every status change, newest first. */
export function TaskHistory({ task }: { task: TaskDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const agencies = useAgencies();
  const when = (iso: string) => formatInstant(iso, lang, PLAN_TIME_ZONE);
  const occurrenceLabel = (id: string | null) => (id ? task.occurrences.find((o) => o.id === id)?.label : undefined);

  return (
    <>
      <h2>{t('plans.history.updates')}</h2>
      {task.updates.length === 0 && <p className="muted">{t('plans.history.noUpdates')}</p>}
      <ol className="history" data-testid="task-updates" reversed>
        {[...task.updates].reverse().map((u) => (
          <li key={u.id} className="card" data-testid="task-update">
            <p className="muted small">
              {when(u.createdAt)} · {u.author}
              {u.agency && ` · ${agencyName(u.agency, lang, agencies)}`}
              {occurrenceLabel(u.occurrenceId) && ` · ${occurrenceLabel(u.occurrenceId)}`}
            </p>
            <p className="badges">
              {u.action && <span className="badge">{t(`plans.action.${u.action}`)}</span>}
              <StatusBadge status={u.statusAfter} />
              {u.progressPercent !== null && <span className="badge">{u.progressPercent}%</span>}
            </p>
            <p className="prewrap" lang="vi">{u.textVi}</p>
            {(u.files.length > 0 || u.links.length > 0) && (
              <ul className="plain evidence">
                {u.files.map((f) => <li key={f.id}><FileLink file={f} /></li>)}
                {u.links.map((l, i) => (
                  <li key={i}>
                    {l.kind === 'url' && <a href={l.url} target="_blank" rel="noreferrer noopener">{l.url}</a>}
                    {l.kind === 'gate_version' && <Link to={`/gates/${l.gateId}`}>{t('plans.update.linkKinds.gate_version')}: {l.label}</Link>}
                    {l.kind === 'audit' && <span>{t('plans.update.linkKinds.audit')} #{l.auditId}: {l.label}</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>

      <h2>{t('plans.history.events')}</h2>
      {task.events.length === 0 && <p className="muted">{t('plans.history.noEvents')}</p>}
      <ol className="plain events" data-testid="task-events" reversed>
        {[...task.events].reverse().map((e) => (
          <li key={e.id} data-action={e.action}>
            <span className="muted small">{when(e.at)}</span> · <strong>{t(`plans.action.${e.action}`, { defaultValue: e.action })}</strong>
            {occurrenceLabel(e.occurrenceId) && ` (${occurrenceLabel(e.occurrenceId)})`}
            {e.fromStatus && e.toStatus && ` · ${t(`plans.status.${e.fromStatus}`)} → ${t(`plans.status.${e.toStatus}`)}`} · {e.actor}
            {e.reason && <> · <em>{e.reason}</em></>}
          </li>
        ))}
      </ol>
    </>
  );
}
