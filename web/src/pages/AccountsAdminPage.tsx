import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTERPRISE_ROLES, ROLES, type Role } from '../../../shared/roles';
import type { Account, Agency } from '../../../shared/schemas/accounts';
import { api, newIdempotencyKey } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { useApi } from '../components/useApi';
import { useSession } from '../session';

const EMPTY = { username: '', displayName: '', password: '', role: 'enterprise' as Role, agencyCode: '', gateIds: '', isOrgAdmin: false };

export function AccountsAdminPage() {
  const { t, i18n } = useTranslation();
  const { me, can } = useSession();
  const accounts = useApi<{ items: Account[] }>(can('accounts:read') ? '/api/v1/accounts' : null);
  const agencies = useApi<{ items: Agency[] }>('/api/v1/agencies');
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const key = useRef(newIdempotencyKey());
  if (!me || !can('accounts:read')) return <ErrorMessage error={accounts.error} />;
  const isOrgAdmin = ENTERPRISE_ROLES.includes(me.role);
  const roles = isOrgAdmin ? ENTERPRISE_ROLES : ROLES;

  async function create(e: React.FormEvent) {
    e.preventDefault();
    try {
      const body = {
        username: form.username,
        displayName: form.displayName,
        password: form.password,
        role: form.role,
        agencyCode: form.agencyCode || null,
        gateIds: form.gateIds.split(',').map((g) => g.trim()).filter(Boolean),
        isOrgAdmin: form.isOrgAdmin,
        ...(isOrgAdmin ? {} : { enterpriseId: null }),
      };
      const created = await api<Account>('POST', '/api/v1/accounts', body, { 'idempotency-key': key.current });
      key.current = newIdempotencyKey();
      setNotice(t('accounts.created', { username: created.username }));
      setForm(EMPTY);
      setError(null);
      await accounts.reload();
    } catch (err) {
      setError(err);
    }
  }

  async function setActive(a: Account, active: boolean) {
    try {
      await api('PATCH', `/api/v1/accounts/${a.id}`, { version: a.version, active, reason: t('accounts.adminReason') });
      await accounts.reload();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section>
      <h1>{t('accounts.title')}</h1>
      <ErrorMessage error={error ?? accounts.error} />
      <div className="table-wrap">
        <table className="table" data-testid="accounts">
          <thead><tr><th>{t('accounts.username')}</th><th>{t('accounts.displayName')}</th><th>{t('accounts.role')}</th><th>{t('accounts.agency')}</th><th>{t('account.gates')}</th><th /></tr></thead>
          <tbody>
            {accounts.data?.items.map((a) => (
              <tr key={a.id} className={a.active ? '' : 'closed'}>
                <td>{a.username}</td><td>{a.displayName}</td><td>{t(`role.${a.role}`)}</td><td>{a.agencyCode ?? ''}</td><td>{a.gateIds.join(', ')}</td>
                <td>
                  {can('accounts:write') && a.id !== me.id && (
                    <button type="button" className="link" onClick={() => void setActive(a, !a.active)}>{a.active ? t('accounts.disable') : t('accounts.enable')}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {can('accounts:write') && (
        <form className="panel" onSubmit={create} data-testid="create-account">
          <h2>{t('accounts.create')}</h2>
          <div className="grid">
            <label>{t('accounts.username')}<input required value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} name="username" /></label>
            <label>{t('accounts.displayName')}<input required value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} name="displayName" /></label>
            <label>{t('accounts.password')}<input required type="password" autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} name="password" /></label>
            <label>{t('accounts.role')}
              <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })} name="role">
                {roles.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
              </select>
            </label>
            {!isOrgAdmin && (
              <>
                <label>{t('accounts.agency')}
                  <select value={form.agencyCode} onChange={(e) => setForm({ ...form, agencyCode: e.target.value })} name="agencyCode">
                    <option value="">—</option>
                    {agencies.data?.items.map((a) => <option key={a.code} value={a.code}>{i18n.language === 'vi' ? a.nameVi : a.nameEn}</option>)}
                  </select>
                </label>
                <label>{t('accounts.gates')}<input value={form.gateIds} onChange={(e) => setForm({ ...form, gateIds: e.target.value })} name="gateIds" /></label>
              </>
            )}
          </div>
          <label className="inline"><input type="checkbox" checked={form.isOrgAdmin} onChange={(e) => setForm({ ...form, isOrgAdmin: e.target.checked })} /> {t('accounts.isOrgAdmin')}</label>
          {notice && <p role="status">{notice}</p>}
          <button type="submit">{t('accounts.create')}</button>
        </form>
      )}
    </section>
  );
}
