import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_KINDS, type Plan, type ReportStatus } from '../../../../shared/schemas/plans';
import { newIdempotencyKey } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDate, formatInstant } from '../../components/format';
import { useApi } from '../../components/useApi';
import { useSession } from '../../session';
import { submitReport, urls } from './api';
import { agencyName, PLAN_TIME_ZONE, useAgencies } from './labels';
import { PlanLayout } from './PlanLayout';

type Kind = (typeof REPORT_KINDS)[number];

/** The report most likely wanted now: this year's (within the plan), the 6-month one until it is due. */
function defaultReport(plan: Plan, today = new Date()): { kind: Kind; year: number } {
  const year = Math.min(plan.endYear, Math.max(plan.startYear, today.getUTCFullYear()));
  const beforeJune = today.getUTCMonth() < 5;
  return { kind: year === today.getUTCFullYear() && beforeJune ? 'six_month' : 'annual', year };
}

/** An agency submits its part of the report; the owner may submit for any reporting agency. */
function SubmitForm({ plan, report, onSubmitted }: { plan: Plan; report: ReportStatus; onSubmitted: () => void }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const agencies = useAgencies();
  const mine = plan.reportingAgencies.filter((a) => me?.agency && (a.code === me.agency.code || a.code.startsWith(`${me.agency.code}-`)));
  const choices = plan.canManage ? plan.reportingAgencies : mine;
  const [agency, setAgency] = useState(mine[0]?.code ?? choices[0]?.code ?? '');
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const key = useRef(newIdempotencyKey());
  if (choices.length === 0) return null;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setDone(false);
    try {
      await submitReport(plan.id, report.kind, report.year, { summaryVi: summary.trim(), agency }, key.current);
      key.current = newIdempotencyKey();
      setSummary('');
      setError(null);
      setDone(true);
      onSubmitted();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form className="panel" onSubmit={submit} data-testid="report-submit">
      <h2>{t('plans.reports.submitTitle')}</h2>
      <label>
        {t('plans.reports.agency')}
        <select name="reportAgency" value={agency} onChange={(e) => setAgency(e.target.value)}>
          {choices.map((a) => <option key={a.code} value={a.code}>{agencyName(a, i18n.language, agencies)}</option>)}
        </select>
      </label>
      <label>
        {t('plans.reports.summary')}
        <textarea name="reportSummary" required rows={5} maxLength={20000} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </label>
      <ErrorMessage error={error} />
      {done && <p role="status">{t('plans.reports.submitted')}</p>}
      <button type="submit">{t('plans.reports.submit')}</button>
    </form>
  );
}

function Reports({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { can } = useSession();
  const agencies = useAgencies();
  const [choice, setChoice] = useState(() => defaultReport(plan));
  const { data: report, error, reload } = useApi<ReportStatus>(urls.report(plan.id, choice.kind, choice.year));
  const years: number[] = [];
  for (let y = plan.startYear; y <= plan.endYear; y++) years.push(y);

  return (
    <section data-testid="plan-reports">
      <h2>{t('plans.reports.title')}</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('plans.reports.kind')}
          <select name="reportKind" value={choice.kind} onChange={(e) => setChoice({ ...choice, kind: e.target.value as Kind })}>
            {REPORT_KINDS.map((k) => <option key={k} value={k}>{t(`plans.reports.kinds.${k}`)}</option>)}
          </select>
        </label>
        <label>
          {t('plans.reports.year')}
          <select name="reportYear" value={choice.year} onChange={(e) => setChoice({ ...choice, year: Number(e.target.value) })}>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
      </form>
      <ErrorMessage error={error} />
      {report && (
        <>
          <dl className="facts">
            <dt>{t('plans.reports.due')}</dt>
            <dd data-testid="report-due">{formatDate(report.dueDate, lang)}</dd>
            <dt>{t('plans.reports.period')}</dt>
            <dd>{formatDate(report.period.from, lang)} – {formatDate(report.period.to, lang)}</dd>
          </dl>
          <p className="row downloads">
            <a className="button" href={report.downloads.docx} download data-testid="download-docx">{t('plans.reports.downloadDocx')}</a>
            <a className="button" href={report.downloads.pdf} download data-testid="download-pdf">{t('plans.reports.downloadPdf')}</a>
            <a className="button" href={report.downloads.xlsx} download data-testid="download-xlsx">{t('plans.reports.downloadXlsx')}</a>
          </p>
          <h3>{t('plans.reports.missing', { count: report.missing.length })}</h3>
          <ul className="plain" data-testid="report-missing">
            {report.missing.map((a) => <li key={a.code} data-agency={a.code} className="late-text">{agencyName(a, lang, agencies)}</li>)}
          </ul>
          <h3>{t('plans.reports.received', { count: report.submitted.length })}</h3>
          <ul className="history" data-testid="report-submitted">
            {report.submitted.map((s) => (
              <li key={s.agency.code} className="card" data-agency={s.agency.code}>
                <p className="muted small">{agencyName(s.agency, lang, agencies)} · {s.submittedBy} · {formatInstant(s.submittedAt, lang, PLAN_TIME_ZONE)}</p>
                <p className="prewrap" lang="vi">{s.summaryVi}</p>
              </li>
            ))}
          </ul>
          {can('plans:write') && <SubmitForm plan={plan} report={report} onSubmitted={() => void reload()} />}
        </>
      )}
    </section>
  );
}

export function PlanReportsPage() {
  return <PlanLayout>{(plan) => <Reports plan={plan} />}</PlanLayout>;
}
