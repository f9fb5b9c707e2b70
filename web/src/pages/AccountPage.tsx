import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { api } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { useSession } from '../session';
import { TokensPanel } from './TokensPanel';

export function AccountPage() {
  const { t, i18n } = useTranslation();
  const { me, loading, can } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  if (loading) return <p>{t('common.loading')}</p>;
  if (!me) return <Navigate to="/login" />;

  async function changePassword(e: React.FormEvent) {
    e.preventDefault();
    setDone(false);
    try {
      await api('POST', '/api/v1/me/password', { currentPassword: current, newPassword: next });
      setError(null);
      setDone(true);
      setCurrent('');
      setNext('');
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section>
      <h1>{t('account.title')}</h1>
      <dl className="facts" data-testid="me">
        <dt>{t('accounts.username')}</dt><dd>{me.username}</dd>
        <dt>{t('account.role')}</dt><dd data-testid="me-role">{t(`role.${me.role}`)}</dd>
        {me.enterprise && (<><dt>{t('account.enterprise')}</dt><dd>{me.enterprise.name} ({t('account.taxCode')} {me.enterprise.taxCode})</dd></>)}
        {me.agency && (<><dt>{t('account.agency')}</dt><dd>{i18n.language === 'vi' ? me.agency.nameVi : me.agency.nameEn}</dd></>)}
        {me.gateIds.length > 0 && (<><dt>{t('account.gates')}</dt><dd>{me.gateIds.join(', ')}</dd></>)}
        <dt>{t('account.permissions')}</dt><dd>{me.permissions.map((p) => t(`permission.${p}`)).join(', ') || t('common.none')}</dd>
      </dl>
      <form className="panel narrow" onSubmit={changePassword}>
        <h2>{t('account.changePassword')}</h2>
        <label>{t('account.currentPassword')}
          <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label>{t('account.newPassword')}
          <input type="password" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.target.value)} />
        </label>
        <ErrorMessage error={error} />
        {done && <p role="status">{t('account.passwordChanged')}</p>}
        <button type="submit">{t('account.changePassword')}</button>
      </form>
      {can('tokens:write') && <TokensPanel permissions={me.permissions} />}
    </section>
  );
}
