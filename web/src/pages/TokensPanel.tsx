import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { useApi } from '../components/useApi';

interface Token { id: string; name: string; scopes: string[]; revokedAt: string | null; lastUsedAt: string | null }

export function TokensPanel({ permissions }: { permissions: string[] }) {
  const { t } = useTranslation();
  const tokens = useApi<{ items: Token[] }>('/api/v1/tokens');
  const grantable = permissions.filter((p) => p !== 'tokens:write');
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  // One key per intended creation: a double click or a retry after a timeout creates one token.
  const key = useRef(newIdempotencyKey());

  async function create(e: React.FormEvent) {
    e.preventDefault();
    try {
      const result = await api<{ secret: string }>('POST', '/api/v1/tokens', { name, scopes }, { 'idempotency-key': key.current });
      key.current = newIdempotencyKey();
      setSecret(result.secret);
      setName('');
      setScopes([]);
      setError(null);
      await tokens.reload();
    } catch (err) {
      setError(err);
    }
  }

  async function revoke(id: string) {
    try {
      await api('DELETE', `/api/v1/tokens/${id}`);
      await tokens.reload();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="panel">
      <h2>{t('tokens.title')}</h2>
      {tokens.data?.items.length === 0 && <p>{t('tokens.none')}</p>}
      <ul className="plain">
        {tokens.data?.items.map((tk) => (
          <li key={tk.id}>
            <strong>{tk.name}</strong> — {tk.scopes.map((s) => t(`permission.${s}`)).join(', ')}{' '}
            {tk.revokedAt ? <em>{t('tokens.revoked')}</em> : <button type="button" className="link" onClick={() => void revoke(tk.id)}>{t('tokens.revoke')}</button>}
          </li>
        ))}
      </ul>
      {grantable.length > 0 && (
        <form onSubmit={create}>
          <label>{t('tokens.name')}
            <input required minLength={3} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <fieldset>
            <legend>{t('tokens.scopes')}</legend>
            {grantable.map((p) => (
              <label key={p} className="inline">
                <input type="checkbox" checked={scopes.includes(p)} onChange={() => setScopes(scopes.includes(p) ? scopes.filter((s) => s !== p) : [...scopes, p])} /> {t(`permission.${p}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={scopes.length === 0}>{t('tokens.create')}</button>
        </form>
      )}
      {secret && <p role="status">{t('tokens.secretOnce')} <code data-testid="token-secret">{secret}</code></p>}
      <ErrorMessage error={error ?? tokens.error} />
    </section>
  );
}
