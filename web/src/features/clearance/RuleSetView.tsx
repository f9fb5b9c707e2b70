import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskRules } from '../../../../shared/schemas/clearance';
import { ChannelBadge } from './Badges';
import { conditionTexts } from './ruleText';
import { pick } from './text';

/** A customs risk rule set in words: rules in the order they are tried, classes, random rates, quota, lists. */
export function RuleSetView({ rules }: { rules: RiskRules }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [showSeed, setShowSeed] = useState(false);
  const pct = (x: number) => `${+(x * 100).toFixed(2)}%`;
  return (
    <div className="rule-set" data-testid="rule-set-view">
      <h3>{t('clearanceRules.rules', { n: rules.rules.length })}</h3>
      <div className="table-wrap">
        <table className="table">
          <thead><tr><th scope="col">{t('clearanceRules.ruleId')}</th><th scope="col">{t('clearanceRules.channel')}</th><th scope="col">{t('clearanceRules.when.title')}</th><th scope="col">{t('clearanceRules.description')}</th></tr></thead>
          <tbody>
            {rules.rules.map((r) => (
              <tr key={r.id} data-testid="rule-row" data-rule={r.id}>
                <td data-label={t('clearanceRules.ruleId')} className="mono">{r.id}</td>
                <td data-label={t('clearanceRules.channel')}><ChannelBadge channel={r.channel} />{r.mandatory && <><br /><small>{t('clearanceRules.mandatory')}</small></>}</td>
                <td data-label={t('clearanceRules.when.title')}><ul className="plain small">{conditionTexts(r.when, t, lang).map((c, i) => <li key={i}>{c}</li>)}</ul></td>
                <td data-label={t('clearanceRules.description')}>{pick(r.description, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="facts">
        <dt>{t('clearanceRules.classes')}</dt>
        <dd>
          <ul className="plain small">
            {rules.complianceClasses.map((c) => (
              <li key={c.class}><strong>{c.class}</strong>: {[
                c.minTrips !== undefined ? t('clearanceRules.minTrips', { n: c.minTrips }) : null,
                c.maxRefusals !== undefined ? t('clearanceRules.maxRefusals', { n: c.maxRefusals }) : null,
                c.maxDiscrepancies !== undefined ? t('clearanceRules.maxDiscrepancies', { n: c.maxDiscrepancies }) : null,
              ].filter(Boolean).join(' · ') || t('clearanceRules.fallbackClass')}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('clearanceRules.random')}</dt>
        <dd>{t('clearanceRules.randomText', { red: pct(rules.random.red), yellow: pct(rules.random.yellow) })}</dd>
        <dt>{t('clearanceRules.quota')}</dt>
        <dd>{t('clearanceRules.quotaText', { share: rules.quota.redShareOfInspectionCapacity, minShare: pct(rules.quota.minRedShare) })}</dd>
        <dt>{t('clearanceRules.seed')}</dt>
        <dd><span className="mono">{showSeed ? rules.seed : '••••••••'}</span> <button type="button" className="link" onClick={() => setShowSeed(!showSeed)}>{showSeed ? t('clearanceRules.hide') : t('clearanceRules.show')}</button></dd>
      </dl>
      <details>
        <summary>{t('clearanceRules.hsRisk', { n: rules.hsRisk.length })}</summary>
        <ul className="plain small columns">{rules.hsRisk.map((h) => <li key={h.prefix}><span className="mono">{h.prefix}</span> · {t(`clearanceRules.hsLevel.${h.level}`)}</li>)}</ul>
      </details>
      <details>
        <summary>{t('clearanceRules.referenceValues', { n: rules.referenceValues.length })}</summary>
        <ul className="plain small columns">{rules.referenceValues.map((v) => <li key={`${v.hsPrefix}-${v.unit}`}><span className="mono">{v.hsPrefix}</span> · {v.usdPerUnit} USD/{v.unit}</li>)}</ul>
      </details>
    </div>
  );
}
