import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WEBHOOK_EVENT_TYPES } from '../../../../shared/schemas/operations';
import { api, newIdempotencyKey } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApi } from '../../components/useApi';
import { useSession } from '../../session';
import type { WebhookDelivery, WebhookEndpoint, WebhookWithSecret } from './api';
import { opsUrls } from './api';
import { localTime } from './format';

/** An enterprise's webhooks: register its systems, see every delivery, send one again. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { me, can, loading } = useSession();
  const allowed = can('webhooks:write');
  const list = useApi<{ items: WebhookEndpoint[] }>(allowed ? opsUrls.webhooks : null);
  const [created, setCreated] = useState<WebhookWithSecret | null>(null);
  if (loading) return <p>{t('common.loading')}</p>;
  if (!me || !allowed) return <p className="alert" role="alert">{t('operations.webhooks.signIn')}</p>;
  return (
    <section className="ops-page" data-testid="webhooks-page">
      <h1>{t('operations.webhooks.title')}</h1>
      <p className="muted">{t('operations.webhooks.intro')}</p>
      {me.role !== 'admin' && (
        <NewEndpoint
          onCreated={(c) => {
            setCreated(c);
            void list.reload();
          }}
        />
      )}
      {created && (
        <section className="panel secret" role="status" data-testid="webhook-secret">
          <h2>{t('operations.webhooks.secretTitle')}</h2>
          <p>{t('operations.webhooks.secretOnce')}</p>
          <code className="mono secret-value">{created.secret}</code>
          <p className="small">{t('operations.webhooks.verify')}</p>
          <button type="button" className="secondary" onClick={() => setCreated(null)}>{t('operations.webhooks.secretKept')}</button>
        </section>
      )}
      <ErrorMessage error={list.error} />
      {list.data && list.data.items.length === 0 && <p>{t('operations.webhooks.none')}</p>}
      <ul className="webhook-list">
        {list.data?.items.map((e) => <EndpointCard key={e.id} endpoint={e} onChanged={() => void list.reload()} onSecret={setCreated} />)}
      </ul>
    </section>
  );
}

function NewEndpoint({ onCreated }: { onCreated: (c: WebhookWithSecret) => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [types, setTypes] = useState<string[]>(['congestion.warning', 'congestion.cleared']);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const created = await api<WebhookWithSecret>('POST', opsUrls.webhooks, { url, eventTypes: types, ...(description ? { description } : {}) }, { 'idempotency-key': key });
      setUrl('');
      setDescription('');
      setError(null);
      setKey(newIdempotencyKey());
      onCreated(created);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel" onSubmit={submit} data-testid="webhook-form">
      <h2>{t('operations.webhooks.new')}</h2>
      <label>{t('operations.webhooks.url')}<input type="url" name="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" /></label>
      <label>{t('operations.webhooks.description')}<input name="description" maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} /></label>
      <fieldset>
        <legend>{t('operations.webhooks.events')}</legend>
        <div className="event-types">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="inline">
              <input type="checkbox" name="eventTypes" value={type} checked={types.includes(type)} onChange={(e) => setTypes(e.target.checked ? [...types, type] : types.filter((x) => x !== type))} />
              {t(`operations.event.${type.replace('.', '_')}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy || types.length === 0}>{t('operations.webhooks.register')}</button>
    </form>
  );
}

function EndpointCard({ endpoint, onChanged, onSecret }: { endpoint: WebhookEndpoint; onChanged: () => void; onSecret: (c: WebhookWithSecret) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const deliveries = useApi<{ items: WebhookDelivery[] }>(open ? opsUrls.deliveries(endpoint.id) : null);
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setError(null);
      onChanged();
      if (open) void deliveries.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <li className="card" data-testid="webhook" data-url={endpoint.url} data-active={endpoint.active}>
      <p className="row spread">
        <strong className="mono small">{endpoint.url}</strong>
        <span className={`badge ${endpoint.active ? 'status-operating' : ''}`}>{endpoint.active ? t('operations.webhooks.active') : t('operations.webhooks.inactive')}</span>
      </p>
      {endpoint.description && <p>{endpoint.description}</p>}
      <p className="small muted">{endpoint.eventTypes.map((type) => t(`operations.event.${type.replace('.', '_')}`)).join(' · ')}</p>
      <p className="small">{t('operations.webhooks.counts', endpoint.counts)}</p>
      <p className="row">
        <button type="button" className="secondary" onClick={() => setOpen(!open)}>{open ? t('operations.webhooks.hideLog') : t('operations.webhooks.showLog')}</button>
        <button type="button" className="secondary" disabled={!endpoint.active} onClick={() => void act(() => api('POST', opsUrls.ping(endpoint.id)))}>{t('operations.webhooks.ping')}</button>
        <button type="button" className="secondary" onClick={() => void act(() => api('PATCH', opsUrls.webhook(endpoint.id), { version: endpoint.version, active: !endpoint.active }))}>
          {endpoint.active ? t('operations.webhooks.disable') : t('operations.webhooks.enable')}
        </button>
        <button type="button" className="secondary" onClick={() => void act(async () => onSecret(await api<WebhookWithSecret>('POST', opsUrls.rotate(endpoint.id))))}>{t('operations.webhooks.rotate')}</button>
      </p>
      <ErrorMessage error={error} />
      {open && (
        <div className="table-wrap">
          <ErrorMessage error={deliveries.error} />
          <table className="table" data-testid="deliveries">
            <thead>
              <tr><th>{t('operations.webhooks.event')}</th><th>{t('operations.webhooks.status')}</th><th>{t('operations.webhooks.attempts')}</th><th>{t('operations.webhooks.last')}</th><th /></tr>
            </thead>
            <tbody>
              {deliveries.data?.items.map((d) => (
                <tr key={d.id} data-status={d.status}>
                  <td><span className="mono small">{d.eventId}</span><br />{t(`operations.event.${d.eventType.replace('.', '_')}`, { defaultValue: d.eventType })}</td>
                  <td><span className={`badge delivery-${d.status}`}>{t(`operations.webhooks.delivery.${d.status}`)}</span></td>
                  <td>{d.attempts}</td>
                  <td className="small">
                    {d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : (d.lastError ?? '—')}
                    {d.nextAttemptAt && <><br />{t('operations.webhooks.next', { time: localTime(d.nextAttemptAt, 'Asia/Ho_Chi_Minh') })}</>}
                  </td>
                  <td>
                    {d.status !== 'sending' && (
                      <button type="button" className="secondary" disabled={!endpoint.active} onClick={() => void act(() => api('POST', opsUrls.redeliver(d.id)))}>{t('operations.webhooks.redeliver')}</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </li>
  );
}
