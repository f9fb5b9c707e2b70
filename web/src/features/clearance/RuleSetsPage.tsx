import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatInstant } from '../../components/format';
import { useApi } from '../../components/useApi';
import { useSession } from '../../session';
import { clearanceUrls, type Paged, type RuleSet, type RuleSetSummary } from './api';
import { ClearanceGuard } from './ClearanceNav';
import { ClearanceProblem } from './ClearanceProblem';
import { RuleSetView } from './RuleSetView';

const ZONE = 'Asia/Ho_Chi_Minh';

/** Customs publishes rule sets; other agencies and leaders read them. */
export function usePublishRules(): boolean {
  const { me, can } = useSession();
  return can('clearance:rules') && me?.role === 'customs';
}

function RuleSets() {
  const { t, i18n } = useTranslation();
  const list = useApi<Paged<RuleSetSummary>>(clearanceUrls.ruleSets);
  const mayPublish = usePublishRules();
  const inForce = list.data?.items.find((s) => s.inForce);
  return (
    <section data-testid="rule-sets">
      <h1>{t('clearanceRules.title')}</h1>
      <p className="muted">{t('clearanceRules.intro')}</p>
      {mayPublish && inForce && <p><Link className="button" to={`/clearance/rules/new?from=${inForce.version}`} data-testid="new-rule-set">{t('clearanceRules.publishNew')}</Link></p>}
      <ClearanceProblem error={list.error} />
      {list.data && (
        <ul className="trip-rows">
          {list.data.items.map((s) => (
            <li key={s.version} className="card" data-testid="rule-set-row" data-version={s.version} data-in-force={s.inForce}>
              <p className="row spread">
                <Link to={`/clearance/rules/${s.version}`}><strong>{t('clearanceSelection.version', { n: s.version })}</strong></Link>
                {s.inForce ? <span className="badge in-force">{t('clearanceRules.inForce')}</span> : new Date(s.effectiveFrom) > new Date() ? <span className="badge">{t('clearanceRules.upcoming')}</span> : null}
              </p>
              <p className="small">{t('clearanceRules.effectiveFrom', { at: formatInstant(s.effectiveFrom, i18n.language, ZONE) })} · {s.createdByLabel} · {t('clearanceRules.ruleCount', { n: s.ruleCount })}</p>
              <p><em>{s.reason}</em></p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RuleSetDetail() {
  const { version = '' } = useParams();
  const { t, i18n } = useTranslation();
  const set = useApi<RuleSet>(/^\d+$/.test(version) ? clearanceUrls.ruleSet(version) : null);
  const mayPublish = usePublishRules();
  if (set.error) return <ClearanceProblem error={set.error} />;
  if (!set.data) return <p>{t('common.loading')}</p>;
  const s = set.data;
  return (
    <section data-testid="rule-set" data-version={s.version}>
      <p><Link to="/clearance/rules">← {t('clearanceRules.title')}</Link></p>
      <h1>{t('clearanceRules.versionTitle', { n: s.version })} {s.inForce && <span className="badge in-force">{t('clearanceRules.inForce')}</span>}</h1>
      <p className="small">{t('clearanceRules.effectiveFrom', { at: formatInstant(s.effectiveFrom, i18n.language, ZONE) })} · {s.createdByLabel} · <em>{s.reason}</em></p>
      {mayPublish && <p><Link className="button secondary" to={`/clearance/rules/new?from=${s.version}`}>{t('clearanceRules.startFrom')}</Link></p>}
      <RuleSetView rules={s.rules} />
    </section>
  );
}

export function RuleSetsPage() {
  return <ClearanceGuard><RuleSets /></ClearanceGuard>;
}

export function RuleSetPage() {
  return <ClearanceGuard><RuleSetDetail /></ClearanceGuard>;
}
