import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { clearanceApi, type ApprovedCodeList } from './api';
import { ClearanceProblem } from './ClearanceProblem';
import { importBody, problemRow, readCodesFile, type ReadResult } from './codesImport';
import { attemptDone, attemptKey } from './decisionKey';

/** Plant quarantine imports a published list (CSV or JSON); all or nothing, every problem listed by row. */
export function ImportCodesForm({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; read: ReadResult } | null>(null);
  const [meta, setMeta] = useState({ label: '', reason: '', mode: 'replace' as 'replace' | 'merge' });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<ApprovedCodeList | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose(chosen: File | undefined) {
    setError(null);
    setDone(null);
    setFile(chosen ? { name: chosen.name, read: readCodesFile(chosen.name, await chosen.text()) } : null);
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!file?.read.ok || busy) return;
    setBusy(true);
    const body = importBody(file.read, meta);
    try {
      const key = attemptKey(sessionStorage, 'approved-codes', 0, body);
      const list = await clearanceApi.importCodes(body, key);
      attemptDone(sessionStorage, 'approved-codes', 0);
      setDone(list);
      setError(null);
      onImported();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  // "/codes/3/fruit" → "Mục 4 · fruit"; "/csv/line 5/code" → "Dòng 5 · code".
  const where = (path: string) => {
    const at = problemRow(path);
    if (!at.unit) return null;
    return `${t(`clearanceCodes.${at.unit}`, { n: at.row })}${at.field ? ` · ${at.field}` : ''}`;
  };
  const count = error instanceof ApiError ? (error.problem.errors?.length ?? 0) : 0;
  return (
    <form className="panel" onSubmit={submit} data-testid="import-codes">
      <h2>{t('clearanceCodes.import')}</h2>
      <p className="small muted">{t('clearanceCodes.importHint')}</p>
      <label>{t('clearanceCodes.file')}
        <input type="file" name="codesFile" accept=".csv,.json,text/csv,application/json" onChange={(e) => void choose(e.target.files?.[0])} />
      </label>
      {file && !file.read.ok && <p className="alert" role="alert" data-testid="import-read-error">{t(`clearanceCodes.readError.${file.read.reason}`, { detail: file.read.detail ?? '' })}</p>}
      {file?.read.ok && <p data-testid="import-preview">{t('clearanceCodes.preview', { name: file.name, format: file.read.format.toUpperCase(), n: file.read.rows })}</p>}
      <div className="grid">
        <label>{t('clearanceCodes.label')}<input name="label" required maxLength={200} value={meta.label} onChange={(e) => setMeta({ ...meta, label: e.target.value })} placeholder="GACC 2026-11" /></label>
        <label>{t('clearanceCodes.mode')}
          <select name="mode" value={meta.mode} onChange={(e) => setMeta({ ...meta, mode: e.target.value as 'replace' | 'merge' })}>
            <option value="replace">{t('clearanceCodes.modes.replace')}</option>
            <option value="merge">{t('clearanceCodes.modes.merge')}</option>
          </select>
        </label>
      </div>
      <label>{t('clearanceCodes.reason')}<textarea name="reason" rows={2} minLength={3} maxLength={1000} required value={meta.reason} onChange={(e) => setMeta({ ...meta, reason: e.target.value })} /></label>
      {count > 0 && <p data-testid="import-problem-count"><strong>{t('clearanceCodes.problemCount', { n: count })}</strong></p>}
      <ClearanceProblem error={error} where={where} />
      {done && <p className="ok" role="status" data-testid="import-done">{t('clearanceCodes.imported', { version: done.version, puc: done.counts.puc, phc: done.counts.phc })}</p>}
      <p><button type="submit" disabled={!file?.read.ok || busy || meta.label.trim() === '' || meta.reason.trim().length < 3} data-testid="import-codes-submit">{t('clearanceCodes.importSubmit')}</button></p>
    </form>
  );
}
