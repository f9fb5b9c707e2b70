import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GateSummary } from '../../../../shared/schemas/gates';
import { DELEGATION_DIRECTIONS, type CreateDelegationRequest, type Delegation, type DelegationMember } from '../../../../shared/schemas/plans';
import type { DelegationAction } from '../../../../shared/workflows/delegation';
import { api, newIdempotencyKey } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { gateName } from '../../components/format';
import { useApi } from '../../components/useApi';
import { createDelegation, delegationAction, uploadEvidence, urls } from './api';
import { agencyName, useAgencies } from './labels';
import { lines } from './query';

/** "Name — position" per line; the position is optional. */
export function parseMembers(text: string): DelegationMember[] {
  return lines(text).map((line) => {
    const [name, ...position] = line.split(/\s+[—–-]\s+/);
    return { nameVi: name.trim(), positionVi: position.join(' - ').trim() || null };
  });
}

const membersText = (members: DelegationMember[]) => members.map((m) => (m.positionVi ? `${m.nameVi} — ${m.positionVi}` : m.nameVi)).join('\n');

/** Registers a delegation, or (given one) edits its details with a reason for the log. */
export function DelegationForm({ planId, delegation, onSaved }: { planId: string; delegation?: Delegation; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const agencies = useAgencies();
  const gates = useApi<{ items: GateSummary[] }>(urls.gates).data?.items ?? [];
  const d = delegation;
  const empty = {
    direction: d?.direction ?? 'outgoing',
    purposeVi: d?.purposeVi ?? '',
    counterpartVi: d?.counterpartVi ?? '',
    countryVi: d?.countryVi ?? '',
    leaderVi: d?.leaderVi ?? '',
    members: membersText(d?.members ?? []),
    startDate: d?.startDate ?? '',
    endDate: d?.endDate ?? '',
    gateId: d?.gateId ?? '',
    hostAgency: d?.hostAgency?.code ?? '',
    inOriginalPlan: d?.inOriginalPlan ?? true,
    reason: '',
  };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<unknown>(null);
  const key = useRef(newIdempotencyKey());
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const opt = (s: string) => (s.trim() ? s.trim() : null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const body: CreateDelegationRequest = {
      direction: form.direction as CreateDelegationRequest['direction'],
      purposeVi: form.purposeVi.trim(),
      counterpartVi: form.counterpartVi.trim(),
      countryVi: opt(form.countryVi),
      leaderVi: opt(form.leaderVi),
      members: parseMembers(form.members),
      startDate: opt(form.startDate),
      endDate: opt(form.endDate),
      gateId: opt(form.gateId),
      hostAgency: opt(form.hostAgency),
      inOriginalPlan: form.inOriginalPlan,
    };
    try {
      if (d) {
        const { direction: _direction, inOriginalPlan: _inPlan, ...changes } = body;
        await api<Delegation>('PATCH', `${urls.delegations(planId)}/${d.id}`, { ...changes, version: d.version, reason: form.reason.trim() });
      } else {
        await createDelegation(planId, body, key.current);
        key.current = newIdempotencyKey();
        setForm(empty);
      }
      setError(null);
      onSaved();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <details className="panel" data-testid={d ? 'delegation-edit' : 'delegation-create'}>
      <summary>{d ? t('plans.delegations.edit') : t('plans.delegations.create')}</summary>
      <form className="stack" onSubmit={submit}>
        <div className="grid">
          {!d && (
            <label>{t('plans.delegations.direction')}
              <select name="direction" value={form.direction} onChange={set('direction')}>
                {DELEGATION_DIRECTIONS.map((dir) => <option key={dir} value={dir}>{t(`plans.delegations.directions.${dir}`)}</option>)}
              </select>
            </label>
          )}
          <label>{t('plans.delegations.counterpart')}<input name="counterpartVi" required maxLength={500} value={form.counterpartVi} onChange={set('counterpartVi')} /></label>
          <label>{t('plans.delegations.country')}<input name="countryVi" maxLength={100} value={form.countryVi} onChange={set('countryVi')} /></label>
          <label>{t('plans.delegations.leader')}<input name="leaderVi" maxLength={300} value={form.leaderVi} onChange={set('leaderVi')} /></label>
          <label>{t('plans.delegations.start')}<input type="date" name="startDate" value={form.startDate} onChange={set('startDate')} /></label>
          <label>{t('plans.delegations.end')}<input type="date" name="endDate" value={form.endDate} onChange={set('endDate')} /></label>
          <label>{t('plans.delegations.gate')}
            <select name="gateId" value={form.gateId} onChange={set('gateId')}>
              <option value="">—</option>
              {gates.map((g) => <option key={g.id} value={g.id}>{gateName(g, i18n.language)}</option>)}
            </select>
          </label>
          <label>{t('plans.delegations.host')}
            <select name="hostAgency" value={form.hostAgency} onChange={set('hostAgency')}>
              <option value="">—</option>
              {agencies.map((a) => <option key={a.code} value={a.code}>{agencyName(a, i18n.language, agencies)}</option>)}
            </select>
          </label>
        </div>
        <label>{t('plans.delegations.purpose')}<textarea name="purposeVi" required rows={3} maxLength={3000} value={form.purposeVi} onChange={set('purposeVi')} /></label>
        <label>{t('plans.delegations.membersHint')}<textarea name="members" rows={3} value={form.members} onChange={set('members')} /></label>
        {d ? (
          <label>{t('plans.action.reason')}<input name="delegationEditReason" required minLength={3} maxLength={1000} value={form.reason} onChange={set('reason')} /></label>
        ) : (
          <label className="inline">
            <input type="checkbox" name="inOriginalPlan" checked={form.inOriginalPlan} onChange={(e) => setForm({ ...form, inOriginalPlan: e.target.checked })} />
            {t('plans.delegations.inOriginalPlan')}
          </label>
        )}
        <ErrorMessage error={error} />
        <button type="submit">{t('plans.delegations.save')}</button>
      </form>
    </details>
  );
}

/** One approval step; approve asks the decision number, complete asks the follow-up report. */
export function DelegationActionForm({ planId, delegation, action, onDone, onCancel }: {
  planId: string;
  delegation: Delegation;
  action: DelegationAction;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [approvalRef, setApprovalRef] = useState('');
  const [reportVi, setReportVi] = useState('');
  const [reason, setReason] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<unknown>(null);
  const key = useRef(newIdempotencyKey());

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    try {
      const fileIds = [];
      for (const f of files) fileIds.push((await uploadEvidence(planId, f)).id);
      await delegationAction(
        planId,
        delegation.id,
        {
          action,
          version: delegation.version,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          ...(action === 'approve' ? { approvalRef: approvalRef.trim() } : {}),
          ...(action === 'complete' ? { reportVi: reportVi.trim(), ...(fileIds.length ? { fileIds } : {}) } : {}),
        },
        key.current,
      );
      onDone();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form className="panel" onSubmit={submit} data-testid="delegation-action-form">
      <h3>{t(`plans.delegations.actions.${action}`)}</h3>
      {action === 'approve' && <label>{t('plans.delegations.approvalRef')}<input name="approvalRef" required maxLength={200} value={approvalRef} onChange={(e) => setApprovalRef(e.target.value)} /></label>}
      {action === 'complete' && (
        <>
          <label>{t('plans.delegations.report')}<textarea name="reportVi" required rows={4} maxLength={20000} value={reportVi} onChange={(e) => setReportVi(e.target.value)} /></label>
          <label>{t('plans.update.files')}<input type="file" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} /></label>
        </>
      )}
      <label>{t('plans.action.reasonOptional')}<input name="delegationReason" minLength={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} /></label>
      <ErrorMessage error={error} />
      <div className="row">
        <button type="submit">{t('plans.action.confirm')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
