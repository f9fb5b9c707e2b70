import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPROVED_CODE_KINDS } from '../../../../shared/schemas/clearance';
import { formatInstant } from '../../components/format';
import { useApi } from '../../components/useApi';
import { useSession } from '../../session';
import { clearanceUrls, type ApprovedCode, type ApprovedCodeList, type Paged } from './api';
import { ClearanceGuard } from './ClearanceNav';
import { ClearanceProblem } from './ClearanceProblem';
import { ImportCodesForm } from './ImportCodesForm';

const PAGE = 100;
const ZONE = 'Asia/Ho_Chi_Minh';

/** The approved growing-area (PUC) and packing-house (PHC) codes in force, their versions, and the import. */
function ApprovedCodes() {
  const { t, i18n } = useTranslation();
  const { me, can } = useSession();
  const [filters, setFilters] = useState({ kind: '', fruit: '', q: '' });
  const [offset, setOffset] = useState(0);
  const query = useMemo(() => {
    const q = new URLSearchParams(Object.entries(filters).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
    q.set('limit', String(PAGE));
    if (offset) q.set('offset', String(offset));
    return q;
  }, [filters, offset]);
  const codes = useApi<Paged<ApprovedCode> & { version: number | null }>(clearanceUrls.approvedCodes(query));
  const versions = useApi<Paged<ApprovedCodeList>>(clearanceUrls.codeVersions);
  const mayImport = can('clearance:rules') && me?.role === 'plant_quarantine';
  const set = (key: keyof typeof filters) => (e: { target: { value: string } }) => {
    setFilters({ ...filters, [key]: e.target.value });
    setOffset(0);
  };
  const data = codes.data;

  return (
    <section data-testid="approved-codes">
      <h1>{t('clearanceCodes.title')}</h1>
      <p className="muted">{t('clearanceCodes.intro')}</p>
      {mayImport && <ImportCodesForm onImported={() => { void codes.reload(); void versions.reload(); }} />}

      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>{t('clearanceCodes.kind')}
          <select name="kind" value={filters.kind} onChange={set('kind')}>
            <option value="">{t('common.all')}</option>
            {APPROVED_CODE_KINDS.map((k) => <option key={k} value={k}>{t(`clearanceCodes.kinds.${k}`)}</option>)}
          </select>
        </label>
        <label>{t('clearanceCodes.fruit')}<input name="fruit" maxLength={40} value={filters.fruit} onChange={set('fruit')} placeholder="durian" /></label>
        <label className="grow">{t('clearanceCodes.search')}<input type="search" name="q" maxLength={40} value={filters.q} onChange={set('q')} /></label>
      </form>
      <ClearanceProblem error={codes.error} />
      {data && (
        <>
          <p className="muted" data-testid="codes-total">{t('clearanceCodes.total', { n: data.total, version: data.version ?? '—' })}</p>
          <div className="table-wrap">
            <table className="table" data-testid="codes-table">
              <thead><tr><th scope="col">{t('clearanceCodes.kind')}</th><th scope="col">{t('clearanceCodes.code')}</th><th scope="col">{t('clearanceCodes.fruit')}</th><th scope="col">{t('clearanceCodes.holder')}</th><th scope="col">{t('clearanceCodes.province')}</th></tr></thead>
              <tbody>
                {data.items.map((c) => (
                  <tr key={`${c.kind}-${c.code}-${c.fruit}`} data-testid="code-row" data-code={c.code}>
                    <td data-label={t('clearanceCodes.kind')}>{t(`clearanceCodes.kinds.${c.kind}`)}</td>
                    <td data-label={t('clearanceCodes.code')} className="mono">{c.code}</td>
                    <td data-label={t('clearanceCodes.fruit')}>{c.fruit}</td>
                    <td data-label={t('clearanceCodes.holder')}>{c.holder ?? '—'}</td>
                    <td data-label={t('clearanceCodes.province')}>{c.province ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="row">
            {offset > 0 && <button type="button" className="secondary" onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('clearance.worklist.previous')}</button>}
            {offset + PAGE < data.total && <button type="button" className="secondary" onClick={() => setOffset(offset + PAGE)}>{t('clearance.worklist.next')}</button>}
          </p>
        </>
      )}

      {versions.data && versions.data.items.length > 0 && (
        <section>
          <h2>{t('clearanceCodes.versions')}</h2>
          <ul className="plain" data-testid="code-versions">
            {versions.data.items.map((v) => (
              <li key={v.version} data-version={v.version}>
                <strong>{t('clearanceSelection.version', { n: v.version })}</strong> · {v.label} · {t(`clearanceCodes.modes.${v.mode}`)} · {formatInstant(v.importedAt, i18n.language, ZONE)} · {v.importedByLabel}
                {' · '}{t('clearanceCodes.counts', v.counts)}{v.current && <> · <span className="badge in-force">{t('clearanceCodes.current')}</span></>}
                <br /><em>{v.reason}</em>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

export function ApprovedCodesPage() {
  return <ClearanceGuard><ApprovedCodes /></ClearanceGuard>;
}
