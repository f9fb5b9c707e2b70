import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrossingDirection, SyncEventType, YardLane } from '../../../../shared/schemas/yards';
import { normalisePlateKey } from './offline/outbox';
import type { LocalView } from './offline/localView';
import { useNow } from './labels';
import { fromLocal } from './rows';
import { TruckRow, type TruckRowData } from './TruckRow';

// Trucks between the yard and the other side: out of the yard towards the gate, past the gate
// (exports, until they reach the other side), and imports announced at the gate. Built from the
// snapshot plus this device's outbox, so it works the same offline.

const CROSSING_STEPS: readonly SyncEventType[] = ['leave_yard', 'pass_gate', 'arrive'];
const SHOWN = 20;

export function AtGatePanel({ local, lanes, directions, canWrite, onStep }: { local: LocalView; lanes: YardLane[]; directions: CrossingDirection[]; canWrite: boolean; onStep: (row: TruckRowData, step: SyncEventType, reason?: string) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const now = useNow(5000);
  const [search, setSearch] = useState('');
  const row = (truck: (typeof local.atGate)[number]): TruckRowData => {
    const r = fromLocal(truck, lanes, i18n.language);
    return { ...r, arrivedAt: null, actions: canWrite ? r.actions.filter((s) => CROSSING_STEPS.includes(s)) : [] };
  };
  const onTheWay = local.atGate.filter((tr) => directions.includes(tr.direction)).map(row);
  const wanted = normalisePlateKey(search);
  const imports = directions.includes('import')
    ? local.expected.filter((tr) => tr.direction === 'import' && tr.status === 'paid' && (!wanted || normalisePlateKey(tr.plate).includes(wanted) || (tr.reference ?? '').toUpperCase().includes(search.trim().toUpperCase()))).map(row)
    : [];

  return (
    <section className="panel" data-testid="at-gate-panel">
      <h2>{t('yard.atGate.title', { n: onTheWay.length })}</h2>
      {onTheWay.length === 0 ? <p className="muted">{t('yard.atGate.none')}</p> : (
        <ul className="yard-list" data-testid="at-gate-list">{onTheWay.map((r) => <TruckRow key={r.key} row={r} now={now} onStep={onStep} />)}</ul>
      )}
      {directions.includes('import') && (
        <>
          <h3>{t('yard.atGate.importsTitle')}</h3>
          <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('yard.atGate.search')} aria-label={t('yard.atGate.search')} />
          {imports.length === 0 ? <p className="muted">{t('yard.atGate.noImports')}</p> : (
            <ul className="yard-list" data-testid="imports-list">{imports.slice(0, SHOWN).map((r) => <TruckRow key={r.key} row={r} now={now} onStep={onStep} />)}</ul>
          )}
          {imports.length > SHOWN && <p className="small muted">{t('yard.atGate.more', { n: imports.length - SHOWN })}</p>}
        </>
      )}
    </section>
  );
}
