import { useTranslation } from 'react-i18next';
import { Link, NavLink, Route, Routes, useNavigate } from 'react-router-dom';
import { features } from './features/index';
import { LANGUAGES, setLanguage, type Language } from './i18n/index';
import { AccountPage } from './pages/AccountPage';
import { AccountsAdminPage } from './pages/AccountsAdminPage';
import { AuditPage } from './pages/AuditPage';
import { GateDetailPage } from './pages/GateDetailPage';
import { GatesPage } from './pages/GatesPage';
import { LoginPage } from './pages/LoginPage';
import { SessionProvider, useSession } from './session';

function Header() {
  const { t, i18n } = useTranslation();
  const { me, can, signOut } = useSession();
  const navigate = useNavigate();
  return (
    <header className="topbar">
      <Link to="/" className="brand">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <span>{t('app.title')}</span>
      </Link>
      <nav aria-label="main">
        <NavLink to="/gates">{t('nav.gates')}</NavLink>
        {features.flatMap((f) => f.nav).filter((n) => n.visible(me)).map((n) => (
          <NavLink key={n.to} to={n.to}>{t(n.labelKey)}</NavLink>
        ))}
        {can('accounts:read') && <NavLink to="/admin/accounts">{t('nav.accounts')}</NavLink>}
        {can('audit:read') && <NavLink to="/audit">{t('nav.audit')}</NavLink>}
        <a href="/docs">{t('nav.api')}</a>
        {me ? (
          <>
            <NavLink to="/account" data-testid="nav-account">
              {me.displayName}
            </NavLink>
            <button type="button" className="link" onClick={() => void signOut().then(() => navigate('/gates'))}>
              {t('nav.signOut')}
            </button>
          </>
        ) : (
          <NavLink to="/login">{t('nav.signIn')}</NavLink>
        )}
      </nav>
      <label className="lang">
        <span className="sr-only">{t('nav.language')}</span>
        <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)} data-testid="language">
          {LANGUAGES.map((lang) => (
            <option key={lang} value={lang}>
              {t(`lang.${lang}`)}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}

export function App() {
  const { t } = useTranslation();
  return (
    <SessionProvider>
      <a href="#main" className="skip">
        {t('app.skip')}
      </a>
      <Header />
      <main id="main">
        <Routes>
          <Route path="/" element={<GatesPage />} />
          <Route path="/gates" element={<GatesPage />} />
          <Route path="/gates/:id" element={<GateDetailPage />} />
          <Route path="/login" element={<LoginPage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="/admin/accounts" element={<AccountsAdminPage />} />
          <Route path="/audit" element={<AuditPage />} />
          {features.flatMap((f) => f.routes).map((r) => (
            <Route key={r.path} path={r.path} element={r.element} />
          ))}
          <Route path="*" element={<p>{t('notFound')}</p>} />
        </Routes>
      </main>
      <footer className="footer">{t('app.tagline')}</footer>
    </SessionProvider>
  );
}
