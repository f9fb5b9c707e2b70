import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentRequest, EnterpriseClearanceView } from '../../../../shared/schemas/clearance';
import { TRIP_DOCUMENT_KINDS, TRIP_FILE_TYPES, type UploadTripFileRequest } from '../../../../shared/schemas/trips';
import { tripsApi } from '../trips/api';
import { clearanceApi } from './api';
import { ClearanceProblem } from './ClearanceProblem';
import { answerBody, type DocRow } from './answerBody';
import { attemptDone, attemptKey } from './decisionKey';


function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** The enterprise answers a document request in place: one row per document asked for, files uploaded to the trip. */
export function AnswerForm({ tripId, request, onAnswered }: { tripId: string; request: DocumentRequest; onAnswered: (view: EnterpriseClearanceView) => void }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [rows, setRows] = useState<DocRow[]>(() => request.items.map((i) => ({ kind: i.kind, number: '', fileId: '', fileName: '', note: '' })));
  const [uploading, setUploading] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const setRow = (i: number, patch: Partial<DocRow>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function upload(i: number, file: File | undefined) {
    if (!file) return;
    setUploading(i);
    try {
      const body: UploadTripFileRequest = { fileName: file.name, contentType: file.type as UploadTripFileRequest['contentType'], contentBase64: await readBase64(file) };
      const stored = await tripsApi.uploadFile(tripId, body);
      setRow(i, { fileId: stored.id, fileName: stored.fileName });
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setUploading(null);
    }
  }

  async function send(e: React.FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const body = answerBody(message, rows);
    try {
      const key = attemptKey(sessionStorage, `answer.${request.id}`, 0, body);
      const view = await clearanceApi.answer(tripId, request.id, body, key);
      attemptDone(sessionStorage, `answer.${request.id}`, 0);
      onAnswered(view);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="answer-form" onSubmit={send} data-testid="answer-form" data-request={request.id}>
      {rows.map((r, i) => (
        <fieldset key={i} className="grid answer-doc" data-testid="answer-doc">
          <legend>{t('clearancePanel.document', { n: i + 1 })}</legend>
          <label>{t('clearancePanel.kind')}
            <select name={`answerKind-${i}`} value={r.kind} onChange={(e) => setRow(i, { kind: e.target.value as DocRow['kind'] })}>
              {TRIP_DOCUMENT_KINDS.map((k) => <option key={k} value={k}>{t(`trips.documentKind.${k}`)}</option>)}
            </select>
          </label>
          <label>{t('clearancePanel.number')}
            <input name={`answerNumber-${i}`} maxLength={60} value={r.number} onChange={(e) => setRow(i, { number: e.target.value })} autoComplete="off" />
          </label>
          <label>{t('clearancePanel.file')}
            {r.fileId ? (
              <span data-testid="answer-file-attached">{r.fileName} <button type="button" className="link" onClick={() => setRow(i, { fileId: '', fileName: '' })}>{t('clearancePanel.detach')}</button></span>
            ) : (
              <input type="file" name={`answerFile-${i}`} accept={TRIP_FILE_TYPES.join(',')} disabled={uploading !== null} onChange={(e) => void upload(i, e.target.files?.[0])} />
            )}
          </label>
          <p className="row"><button type="button" className="secondary" onClick={() => setRows(rows.filter((_, j) => j !== i))}>{t('clearancePanel.removeDocument')}</button></p>
        </fieldset>
      ))}
      <p><button type="button" className="secondary" onClick={() => setRows([...rows, { kind: 'other', number: '', fileId: '', fileName: '', note: '' }])}>+ {t('clearancePanel.addDocument')}</button></p>
      <label>{t('clearancePanel.message')}
        <textarea name="answerMessage" rows={2} minLength={3} maxLength={1000} required value={message} onChange={(e) => setMessage(e.target.value)} />
      </label>
      <ClearanceProblem error={error} />
      <p><button type="submit" disabled={busy || uploading !== null || message.trim().length < 3} data-testid="answer-submit">{t('clearancePanel.send')}</button></p>
    </form>
  );
}
