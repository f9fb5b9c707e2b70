import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Selection } from '../../../../shared/schemas/clearance';
import { formatInstant } from '../../components/format';
import { ChannelBadge } from './Badges';
import { pick } from './text';

// Why customs chose this channel, for the officer and for an auditor: the rule set version,
// the rule that fired and every rule that held, the inputs it saw, the random draw against its
// rates, and what the day's inspection quota did.

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

function SelectionDetails({ s, zone }: { s: Selection; zone: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const inputs = s.inputs;
  return (
    <dl className="facts selection-facts">
      <dt>{t('clearanceSelection.channel')}</dt>
      <dd><ChannelBadge channel={s.channel} /> · {t(`clearanceSelection.stage.${s.stage}`)}{s.criteriaChannel !== s.channel && <> ({t('clearanceSelection.criteriaChannel')}: <ChannelBadge channel={s.criteriaChannel} />)</>}</dd>
      <dt>{t('clearanceSelection.explanation')}</dt>
      <dd data-testid="selection-explanation">{pick(s.explanation, lang)}</dd>
      <dt>{t('clearanceSelection.ruleSet')}</dt>
      <dd><Link to={`/clearance/rules/${s.ruleSetVersion}`} data-testid="selection-rule-set">{t('clearanceSelection.version', { n: s.ruleSetVersion })}</Link> · {formatInstant(s.selectedAt, lang, zone)}</dd>
      <dt>{t('clearanceSelection.firedRule')}</dt>
      <dd data-testid="fired-rule" data-rule={s.firedRule?.id ?? ''}>
        {s.firedRule ? <><strong className="mono">{s.firedRule.id}</strong> — {pick(s.firedRule.description, lang)} <ChannelBadge channel={s.firedRule.channel} />{s.firedRule.mandatory && ` · ${t('clearanceRules.mandatory')}`}</> : t('clearanceSelection.noRule')}
        {s.firedRules.length > 1 && (
          <ul className="plain small">{s.firedRules.slice(1).map((r) => <li key={r.id}><span className="mono">{r.id}</span> — {pick(r.description, lang)} ({t(`clearance.channel.${r.channel}`)})</li>)}</ul>
        )}
      </dd>
      <dt>{t('clearanceSelection.inputs')}</dt>
      <dd>
        <ul className="plain small" data-testid="selection-inputs">
          <li>{t('clearanceSelection.complianceClass', { cls: inputs.complianceClass })} · {t('clearanceTrip.history', inputs.counters)}</li>
          {inputs.hsRisk.length > 0 && <li>{t('clearanceSelection.hsRisk')}: {inputs.hsRisk.map((h) => `${t('clearanceTrip.line', { n: h.lineIndex + 1 })} ${h.hsCode ?? '—'} ${t(`clearanceRules.hsLevel.${h.level}`, { defaultValue: h.level })}`).join('; ')}</li>}
          {inputs.valueChecks.filter((v) => v.ratio !== null).map((v) => (
            <li key={v.lineIndex}>{t('clearanceSelection.value', { line: v.lineIndex + 1, unit: v.unitValueUsd?.toFixed(2), reference: v.referenceUsd?.toFixed(2), ratio: percent(v.ratio!) })}</li>
          ))}
          <li>{t('clearanceSelection.origins')}: {inputs.origins.join(', ') || '—'} · {t(inputs.licensedGoods ? 'clearanceRules.when.licensed' : 'clearanceRules.when.notLicensed')} · {t(inputs.perishable ? 'clearanceRules.when.perishable' : 'clearanceRules.when.notPerishable')}</li>
        </ul>
      </dd>
      <dt>{t('clearanceSelection.random')}</dt>
      <dd data-testid="selection-random">{t('clearanceSelection.draw', { draw: s.random.draw.toFixed(4), red: percent(s.random.red), yellow: percent(s.random.yellow) })}{' '}
        {s.random.outcome ? t('clearanceSelection.drawOutcome', { channel: t(`clearance.channel.${s.random.outcome}`) }) : t('clearanceSelection.drawNone')}</dd>
      <dt>{t('clearanceSelection.quota')}</dt>
      <dd data-testid="selection-quota">{t('clearanceSelection.quotaText', { day: s.quota.day, redBefore: s.quota.redBefore, redQuota: s.quota.redQuota, totalBefore: s.quota.totalBefore, minShare: percent(s.quota.minRedShare) })} · {t(`clearanceSelection.quotaAction.${s.quota.action}`)}</dd>
    </dl>
  );
}

export function SelectionPanel({ selection, history, zone }: { selection: Selection | null; history: Selection[]; zone: string }) {
  const { t, i18n } = useTranslation();
  const earlier = history.filter((s) => s.id !== selection?.id);
  return (
    <section className="panel" data-testid="selection" data-channel={selection?.channel ?? 'none'}>
      <h2>{t('clearanceSelection.title')}</h2>
      {selection ? <SelectionDetails s={selection} zone={zone} /> : <p className="muted">{t('clearanceSelection.none')}</p>}
      {earlier.length > 0 && (
        <details>
          <summary>{t('clearanceSelection.earlier', { n: earlier.length })}</summary>
          {earlier.map((s) => (
            <div key={s.id} className="earlier-selection">
              <p className="small muted">{formatInstant(s.selectedAt, i18n.language, zone)}</p>
              <SelectionDetails s={s} zone={zone} />
            </div>
          ))}
        </details>
      )}
    </section>
  );
}
