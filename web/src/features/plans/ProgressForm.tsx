import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateTaskUpdateRequest, EvidenceLink, TaskDetail } from '../../../../shared/schemas/plans';
import { newIdempotencyKey } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDate } from '../../components/format';
import { postTaskUpdate, uploadEvidence } from './api';

type LinkDraft = { kind: EvidenceLink['kind']; url: string; auditId: string; gateId: string; version: string };
const emptyLink = (): LinkDraft => ({ kind: 'url', url: '', auditId: '', gateId: '', version: '' });

function toLink(d: LinkDraft): EvidenceLink {
  if (d.kind === 'audit') return { kind: 'audit', auditId: Number(d.auditId) };
  if (d.kind === 'gate_version') return { kind: 'gate_version', gateId: d.gateId.trim(), version: Number(d.version) };
  return { kind: 'url', url: d.url.trim() };
}

interface Props {
  task: TaskDetail;
  /** The lead agency and the plan owner also set progress and status; others report text and evidence. */
  canSetProgress: boolean;
  onPosted: () => void;
}

/** A progress report: what was done, how far along, and what proves it. */
export function ProgressForm({ task, canSetProgress, onPosted }: Props) {
  const { t, i18n } = useTranslation();
  const openOccurrence = task.occurrences.find((o) => o.status !== 'done' && o.status !== 'cancelled') ?? task.occurrences[0];
  const [text, setText] = useState('');
  const [progress, setProgress] = useState('');
  const [occurrenceId, setOccurrenceId] = useState(task.recurring ? (openOccurrence?.id ?? '') : '');
  const [action, setAction] = useState<'' | 'start' | 'complete'>('');
  const [files, setFiles] = useState<File[]>([]);
  const [links, setLinks] = useState<LinkDraft[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [posted, setPosted] = useState(false);
  const key = useRef(newIdempotencyKey());
  const fileInput = useRef<HTMLInputElement>(null);

  const occurrence = task.occurrences.find((o) => o.id === occurrenceId);
  // Status changes offered with the report are the ones the server allows on the chosen target.
  const allowed = (occurrence ? occurrence.allowedActions : task.recurring ? [] : task.allowedActions).filter(
    (a): a is 'start' | 'complete' => a === 'start' || a === 'complete',
  );

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setPosted(false);
    try {
      // Uploading the same bytes again returns the same file, so a retry after an error is safe.
      const uploaded = [];
      for (const file of files) uploaded.push(await uploadEvidence(task.planId, file));
      const body: CreateTaskUpdateRequest = {
        textVi: text.trim(),
        ...(occurrenceId ? { occurrenceId } : {}),
        ...(canSetProgress && progress !== '' ? { progressPercent: Number(progress) } : {}),
        ...(canSetProgress && action && allowed.includes(action) ? { action } : {}),
        ...(uploaded.length > 0 ? { fileIds: uploaded.map((f) => f.id) } : {}),
        ...(links.length > 0 ? { links: links.map(toLink) } : {}),
      };
      await postTaskUpdate(task.planId, task.id, body, key.current);
      key.current = newIdempotencyKey();
      setText('');
      setProgress('');
      setAction('');
      setFiles([]);
      setLinks([]);
      if (fileInput.current) fileInput.current.value = '';
      setError(null);
      setPosted(true);
      onPosted();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const setLink = (i: number, patch: Partial<LinkDraft>) => setLinks(links.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  return (
    <form className="panel" onSubmit={submit} data-testid="progress-form">
      <h2>{t('plans.update.title')}</h2>
      {task.recurring && task.occurrences.length > 0 && (
        <label>
          {t('plans.update.occurrence')}
          <select name="occurrenceId" value={occurrenceId} onChange={(e) => setOccurrenceId(e.target.value)}>
            {task.occurrences.map((o) => (
              <option key={o.id} value={o.id}>{o.label} — {t(`plans.status.${o.status}`)} ({t('plans.task.deadline')} {formatDate(o.dueDate, i18n.language)})</option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('plans.update.text')}
        <textarea name="updateText" required rows={4} maxLength={20000} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      {canSetProgress && (
        <div className="grid">
          <label>
            {t('plans.update.progress')}
            <input type="number" name="progressPercent" min={0} max={100} value={progress} onChange={(e) => setProgress(e.target.value)} />
          </label>
          {allowed.length > 0 && (
            <label>
              {t('plans.update.statusChange')}
              <select name="updateAction" value={action} onChange={(e) => setAction(e.target.value as typeof action)}>
                <option value="">{t('plans.update.noStatusChange')}</option>
                {allowed.map((a) => <option key={a} value={a}>{t(`plans.action.${a}`)}</option>)}
              </select>
            </label>
          )}
        </div>
      )}
      {!canSetProgress && <p className="muted small">{t('plans.update.coordinatingHint')}</p>}
      <label>
        {t('plans.update.files')}
        <input ref={fileInput} type="file" name="evidenceFiles" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} />
      </label>
      <fieldset>
        <legend>{t('plans.update.links')}</legend>
        {links.map((l, i) => (
          <div key={i} className="row link-row" data-testid="evidence-link-row">
            <select aria-label={t('plans.update.linkKind')} value={l.kind} onChange={(e) => setLink(i, { kind: e.target.value as LinkDraft['kind'] })}>
              <option value="url">{t('plans.update.linkKinds.url')}</option>
              <option value="audit">{t('plans.update.linkKinds.audit')}</option>
              <option value="gate_version">{t('plans.update.linkKinds.gate_version')}</option>
            </select>
            {l.kind === 'url' && <input type="url" required placeholder="https://" aria-label={t('plans.update.linkKinds.url')} value={l.url} onChange={(e) => setLink(i, { url: e.target.value })} />}
            {l.kind === 'audit' && <input type="number" required min={1} aria-label={t('plans.update.auditId')} placeholder={t('plans.update.auditId')} value={l.auditId} onChange={(e) => setLink(i, { auditId: e.target.value })} />}
            {l.kind === 'gate_version' && (
              <>
                <input required aria-label={t('plans.update.gateId')} placeholder={t('plans.update.gateId')} value={l.gateId} onChange={(e) => setLink(i, { gateId: e.target.value })} />
                <input type="number" required min={1} aria-label={t('plans.update.gateVersion')} placeholder={t('plans.update.gateVersion')} value={l.version} onChange={(e) => setLink(i, { version: e.target.value })} />
              </>
            )}
            <button type="button" className="link" onClick={() => setLinks(links.filter((_, j) => j !== i))}>{t('plans.update.removeLink')}</button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => setLinks([...links, emptyLink()])}>{t('plans.update.addLink')}</button>
      </fieldset>
      <ErrorMessage error={error} />
      {posted && <p role="status">{t('plans.update.posted')}</p>}
      <button type="submit" disabled={busy} data-testid="post-update">{t('plans.update.submit')}</button>
    </form>
  );
}
