import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { RiskRules } from '../../../../shared/schemas/clearance';
import { useApi } from '../../components/useApi';
import { clearanceApi, clearanceUrls, type RuleSet } from './api';
import { ClearanceGuard } from './ClearanceNav';
import { ClearanceProblem } from './ClearanceProblem';
import { attemptDone, attemptKey } from './decisionKey';
import { effectiveFromIso, parseRules, rulesText, type EditorProblem } from './ruleSetEditor';
import { RuleSetView } from './RuleSetView';
import { usePublishRules } from './RuleSetsPage';

/** One problem of the JSON in the reader's language, with where it is. */
function ProblemLine({ p, onGoto }: { p: EditorProblem; onGoto: (line: number, column: number) => void }) {
  const { t, i18n } = useTranslation();
  const params = Object.fromEntries(Object.entries(p.params).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
  const key = `clearanceRules.schema.${p.keyword}`;
  const text = i18n.exists(key) ? t(key, params) : p.message;
  if (p.keyword === 'json') {
    const { line, column } = p.params as { line?: number; column?: number };
    return (
      <li data-keyword="json">
        {line ? <button type="button" className="link" onClick={() => onGoto(line, column ?? 1)}>{t('clearanceRules.lineColumn', { line, column })}</button> : null} {text}
        <small className="muted"> ({p.message})</small>
      </li>
    );
  }
  return <li data-path={p.path} data-keyword={p.keyword}><code>{p.path}</code>: {text}</li>;
}

/**
 * A new rule set version as validated JSON: checked as typed against the server's schema, every
 * problem listed with where it is, the rules shown in words before publishing, a reason required.
 */
function PublishRuleSet() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const from = params.get('from');
  const base = useApi<RuleSet>(from && /^\d+$/.test(from) ? clearanceUrls.ruleSet(from) : null);
  const mayPublish = usePublishRules();
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const editor = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (base.data && text === '') setText(rulesText(base.data.rules));
  }, [base.data, text]);
  const parsed = useMemo(() => parseRules(text), [text]);
  const valid = text.trim() !== '' && parsed.problems.length === 0;

  function gotoLine(line: number, column: number) {
    const el = editor.current;
    if (!el) return;
    const lines = el.value.split('\n');
    const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
    el.focus();
    el.setSelectionRange(offset, offset + 1);
  }

  async function publish(e: React.FormEvent) {
    e.preventDefault();
    if (!valid || busy) return;
    setBusy(true);
    const body = { reason: reason.trim(), rules: parsed.rules as RiskRules, ...(effectiveFromIso(effectiveFrom) ? { effectiveFrom: effectiveFromIso(effectiveFrom) } : {}) };
    try {
      const key = attemptKey(sessionStorage, 'rule-set', 0, body);
      const created = await clearanceApi.publishRuleSet(body, key);
      attemptDone(sessionStorage, 'rule-set', 0);
      navigate(`/clearance/rules/${created.version}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (!mayPublish) return <p className="alert" role="alert">{t('clearanceRules.noPublish')}</p>;
  return (
    <section data-testid="publish-rule-set">
      <p><Link to="/clearance/rules">← {t('clearanceRules.title')}</Link></p>
      <h1>{t('clearanceRules.publishNew')}</h1>
      <p className="muted">{from ? t('clearanceRules.startingFrom', { n: from }) : t('clearanceRules.startEmpty')} {t('clearanceRules.editorHint')}</p>
      <form className="panel" onSubmit={publish}>
        <label>{t('clearanceRules.json')}
          <textarea ref={editor} name="rules" className="json-editor" rows={24} spellCheck={false} value={text} aria-invalid={!valid || undefined}
            aria-describedby="rule-problems" onChange={(e) => { setText(e.target.value); setError(null); }} data-testid="rules-json" />
        </label>
        <div id="rule-problems" aria-live="polite">
          {text.trim() !== '' && parsed.problems.length > 0 && (
            <div className="alert" data-testid="editor-problems" data-count={parsed.problems.length}>
              <strong>{t('clearanceRules.problems', { n: parsed.problems.length })}</strong>
              <ul>{parsed.problems.map((p, i) => <ProblemLine key={i} p={p} onGoto={gotoLine} />)}</ul>
            </div>
          )}
          {valid && <p className="ok" data-testid="editor-valid">{t('clearanceRules.valid')}</p>}
        </div>
        <label>{t('clearanceRules.effectiveFromLabel')}
          <input type="datetime-local" name="effectiveFrom" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} />
          <small className="muted">{t('clearanceRules.effectiveFromHint')}</small>
        </label>
        <label>{t('clearanceRules.reason')}
          <textarea name="reason" rows={2} minLength={3} maxLength={1000} required value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <ClearanceProblem error={error} />
        <p><button type="submit" disabled={!valid || busy || reason.trim().length < 3} data-testid="publish-rule-set-submit">{t('clearanceRules.publish')}</button></p>
      </form>
      {valid && (
        <section className="panel" data-testid="rule-set-preview">
          <h2>{t('clearanceRules.preview')}</h2>
          <RuleSetView rules={parsed.rules as RiskRules} />
        </section>
      )}
    </section>
  );
}

export function PublishRuleSetPage() {
  return <ClearanceGuard><PublishRuleSet /></ClearanceGuard>;
}
