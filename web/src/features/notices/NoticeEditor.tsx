import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { GateSummary } from '../../../../shared/schemas/gates';
import { NOTICE_KINDS, NOTICE_SEVERITIES } from '../../../../shared/schemas/notices';
import { newIdempotencyKey } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatInstant, gateName } from '../../components/format';
import { useApi } from '../../components/useApi';
import { useSession } from '../../session';
import { noticesApi, noticeUrls, type GateNotice, type NoticeEvent } from './api';
import { CHINA_TIME_ZONE, formatPeriod, isoToLocal, localToIso, VN_TIME_ZONE } from './display';
import './notices.css';

type Lang = 'vi' | 'en' | 'zh';
const LANGS: Lang[] = ['vi', 'en', 'zh'];

interface Form {
  kind: string;
  severity: string;
  gateIds: string[];
  from: string;
  to: string;
  title: Record<Lang, string>;
  body: Record<Lang, string>;
}

const empty: Form = { kind: 'closure', severity: 'warning', gateIds: [], from: '', to: '', title: { vi: '', en: '', zh: '' }, body: { vi: '', en: '', zh: '' } };

function fromNotice(n: GateNotice): Form {
  return {
    kind: n.kind,
    severity: n.severity,
    gateIds: n.gates.map((g) => g.id),
    from: isoToLocal(n.validFrom, VN_TIME_ZONE),
    to: isoToLocal(n.validTo, VN_TIME_ZONE),
    title: { vi: n.title.vi, en: n.title.en ?? '', zh: n.title.zh ?? '' },
    body: { vi: n.body.vi, en: n.body.en ?? '', zh: n.body.zh ?? '' },
  };
}

function payload(f: Form) {
  const text = (x: Record<Lang, string>) => ({ vi: x.vi.trim(), en: x.en.trim() || null, zh: x.zh.trim() || null });
  return {
    kind: f.kind as GateNotice['kind'],
    severity: f.severity as GateNotice['severity'],
    gateIds: f.gateIds,
    validFrom: localToIso(f.from, VN_TIME_ZONE),
    validTo: localToIso(f.to, VN_TIME_ZONE),
    title: text(f.title),
    body: text(f.body),
  };
}

/** Write a notice in three languages, preview it, publish or withdraw it (gate authority). */
export function NoticeEditor() {
  const { id } = useParams();
  const isNew = !id || id === 'new';
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const { me, can } = useSession();
  const gates = useApi<{ items: GateSummary[] }>(noticeUrls.gates);
  const loaded = useApi<GateNotice>(isNew ? null : noticeUrls.one(id!));
  const history = useApi<{ items: NoticeEvent[] }>(isNew ? null : noticeUrls.history(id!));
  const [form, setForm] = useState<Form>(empty);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [flash, setFlash] = useState('');
  const key = useRef(newIdempotencyKey());
  const notice = loaded.data;

  useEffect(() => {
    if (notice) setForm(fromNotice(notice));
  }, [notice]);

  const mine = (gates.data?.items ?? []).filter((g) => me?.role === 'admin' || me?.gateIds.includes(g.id));
  const editable = isNew || (notice?.allowedActions.includes('edit') ?? false);
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const setText = (field: 'title' | 'body', l: Lang, value: string) => setForm({ ...form, [field]: { ...form[field], [l]: value } });
  const toggleGate = (gateId: string) => set({ gateIds: form.gateIds.includes(gateId) ? form.gateIds.filter((g) => g !== gateId) : [...form.gateIds, gateId] });

  const run = async (work: () => Promise<GateNotice>, message: string) => {
    try {
      const result = await work();
      setError(null);
      setFlash(message);
      if (isNew) {
        key.current = newIdempotencyKey();
        navigate(`/gate-notices/manage/${result.id}`, { replace: true });
      } else {
        loaded.setData(result);
        void history.reload();
      }
    } catch (e) {
      setError(e);
    }
  };
  const save = () => (isNew ? noticesApi.create(payload(form), key.current) : noticesApi.update(notice!.id, { version: notice!.version, ...payload(form) }));
  const onSave = (e: React.FormEvent) => {
    e.preventDefault();
    void run(save, 'saved');
  };
  const onPublish = () => void run(async () => {
    // Unsaved changes are saved first, so what is published is what the preview shows; the saved
    // version is kept even when publishing is then refused (a missing translation).
    let current = notice!;
    if (editable) {
      current = await noticesApi.update(current.id, { version: current.version, ...payload(form) });
      loaded.setData(current);
    }
    return noticesApi.publish(current.id, current.version);
  }, 'published');
  const onWithdraw = () => void run(() => noticesApi.withdraw(notice!.id, notice!.version, reason.trim()), 'withdrawn');

  if (!can('notices:write')) return <p className="alert" role="alert">{t('gateNotices.notAllowed')}</p>;
  if (!isNew && !notice) return loaded.error ? <ErrorMessage error={loaded.error} /> : <p>{t('common.loading')}</p>;
  const complete = form.from && form.to && form.gateIds.length > 0;
  const actions = notice?.allowedActions ?? ['edit', 'publish'];

  return (
    <section className="notices-page notice-editor" data-testid="notice-editor" data-status={notice?.status ?? 'new'}>
      <p><Link to="/gate-notices/manage">← {t('gateNotices.manageTitle')}</Link></p>
      <h1>{isNew ? t('gateNotices.new') : t('gateNotices.edit')}</h1>
      {notice && <p><span className={`badge notice-status-${notice.status}`} data-testid="notice-status">{t(`gateNotices.status.${notice.status}`)}</span></p>}
      {flash && <p role="status" className="ok">{t(`gateNotices.flash.${flash}`)}</p>}
      <ErrorMessage error={error} />

      <form className="panel" onSubmit={onSave}>
        <fieldset disabled={!editable}>
          <div className="grid">
            <label>{t('gateNotices.kindLabel')}
              <select name="kind" value={form.kind} onChange={(e) => set({ kind: e.target.value })}>
                {NOTICE_KINDS.map((k) => <option key={k} value={k}>{t(`gateNotices.kind.${k}`)}</option>)}
              </select>
            </label>
            <label>{t('gateNotices.severityLabel')}
              <select name="severity" value={form.severity} onChange={(e) => set({ severity: e.target.value })}>
                {NOTICE_SEVERITIES.map((s) => <option key={s} value={s}>{t(`gateNotices.severity.${s}`)}</option>)}
              </select>
            </label>
            <label>{t('gateNotices.from')}<input type="datetime-local" name="validFrom" required value={form.from} onChange={(e) => set({ from: e.target.value })} /></label>
            <label>{t('gateNotices.to')}<input type="datetime-local" name="validTo" required value={form.to} onChange={(e) => set({ to: e.target.value })} /></label>
          </div>
          <p className="muted">{t('gateNotices.zoneHint')}</p>
          {form.from && form.to && form.from < form.to && (
            <p className="muted" data-testid="period-cn">{t('gateNotices.periodCn')}: {formatPeriod(localToIso(form.from, VN_TIME_ZONE), localToIso(form.to, VN_TIME_ZONE), lang, CHINA_TIME_ZONE)}</p>
          )}
          <fieldset>
            <legend>{t('gateNotices.gates')}</legend>
            {mine.map((g) => (
              <label key={g.id} className="inline">
                <input type="checkbox" name="gate" value={g.id} checked={form.gateIds.includes(g.id)} onChange={() => toggleGate(g.id)} />
                {gateName(g, lang)}
              </label>
            ))}
          </fieldset>
          <div className="notice-languages">
            {LANGS.map((l) => (
              <fieldset key={l} data-lang={l}>
                <legend>{t(`lang.${l}`)}{l === 'vi' ? ' *' : ` (${t('gateNotices.neededToPublish')})`}</legend>
                <label>{t('gateNotices.titleLabel')}<input name={`title-${l}`} maxLength={200} required={l === 'vi'} value={form.title[l]} onChange={(e) => setText('title', l, e.target.value)} /></label>
                <label>{t('gateNotices.bodyLabel')}<textarea name={`body-${l}`} rows={4} maxLength={4000} required={l === 'vi'} value={form.body[l]} onChange={(e) => setText('body', l, e.target.value)} /></label>
              </fieldset>
            ))}
          </div>
          <p className="row">
            <button type="submit" data-testid="save-notice" disabled={!complete}>{t('gateNotices.save')}</button>
          </p>
        </fieldset>
        <div className="row">
          {!isNew && actions.includes('publish') && <button type="button" data-testid="publish-notice" disabled={!complete} onClick={onPublish}>{t('gateNotices.publish')}</button>}
        </div>
      </form>

      {notice && actions.includes('withdraw') && (
        <div className="panel">
          <label>{t('gateNotices.withdrawReason')}<input name="withdrawReason" minLength={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} /></label>
          <p><button type="button" className="secondary" data-testid="withdraw-notice" disabled={reason.trim().length < 3} onClick={onWithdraw}>{notice.status === 'draft' ? t('gateNotices.discard') : t('gateNotices.withdraw')}</button></p>
        </div>
      )}

      <section className="panel" data-testid="notice-preview">
        <h2>{t('gateNotices.preview')}</h2>
        <div className="notice-languages">
          {LANGS.map((l) => (
            <article key={l} className={`notice-card severity-${form.severity}`} lang={l === 'zh' ? 'zh-CN' : l}>
              <p className="muted">{t(`lang.${l}`)}</p>
              {form.title[l].trim() ? <h3>{form.title[l]}</h3> : <p className="warn-text">{t('gateNotices.missingHere')}</p>}
              <p className="notice-body">{form.body[l]}</p>
            </article>
          ))}
        </div>
      </section>

      {notice && notice.calendarSuggestions.length > 0 && (
        <section className="panel" data-testid="calendar-suggestions">
          <h2>{t('gateNotices.calendarTitle')}</h2>
          <p className="muted">{t('gateNotices.calendarIntro')}</p>
          <ul className="plain">
            {notice.calendarSuggestions.map((s) => (
              <li key={`${s.gateId}-${s.date}`}>
                {s.date} · {t(`specialKind.${s.kind}`, { defaultValue: s.kind })} · {s.gateId} —{' '}
                {s.inCalendar ? <span className="ok-text">{t('gateNotices.inCalendar')}</span> : <Link to={`/gates/${s.gateId}`}>{t('gateNotices.openCalendar')}</Link>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {history.data && history.data.items.length > 0 && (
        <section className="panel">
          <h2>{t('gateNotices.history')}</h2>
          <ul className="plain" data-testid="notice-history">
            {history.data.items.map((e, i) => (
              <li key={i}>{formatInstant(e.at, lang, VN_TIME_ZONE)} — {t(`gateNotices.action.${e.action}`, { defaultValue: e.action })} · {e.actor}{e.reason ? ` · ${e.reason}` : ''}</li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
