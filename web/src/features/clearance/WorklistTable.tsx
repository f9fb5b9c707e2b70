import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, formatInstant } from '../../components/format';
import type { WorklistItem } from './api';
import { ChannelBadge, ControlName, ControlStatusBadge, PerishableBadge, WaitText } from './Badges';

// The worklist in the server's order (perishable first, then the longest waiting). On a phone
// each row becomes a card; every cell keeps its column name (data-label) for that layout.

export function WorklistTable({ items, showAgency }: { items: WorklistItem[]; showAgency: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const zone = 'Asia/Ho_Chi_Minh';
  return (
    <div className="table-wrap">
      <table className="table worklist" data-testid="worklist-table">
        <thead>
          <tr>
            <th scope="col">{t('clearance.col.trip')}</th>
            <th scope="col">{t('clearance.col.plate')}</th>
            <th scope="col">{t('clearance.col.goods')}</th>
            <th scope="col">{t('clearance.col.channel')}</th>
            <th scope="col">{t('clearance.col.waiting')}</th>
            <th scope="col">{t('clearance.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.controlId} data-testid="worklist-row" data-reference={i.reference} data-trip={i.tripId} data-channel={i.channel ?? 'none'} data-status={i.status}>
              <td data-label={t('clearance.col.trip')}>
                <Link to={`/clearance/trips/${i.tripId}`} className="reference" data-testid="worklist-open">{i.reference}</Link>
                <br /><small className="muted">{i.enterpriseName}</small>
                {i.plannedDate && <><br /><small>{formatDate(i.plannedDate, lang)}{i.window && ` ${i.window.from}–${i.window.to}`}</small></>}
              </td>
              <td data-label={t('clearance.col.plate')}><span className="plate">{i.plate ?? '—'}</span></td>
              <td data-label={t('clearance.col.goods')} className="goods">
                {i.goods || '—'}
                {i.perishable && <> <PerishableBadge /></>}
                {i.flags.length > 0 && <><br /><span className="badge flag" title={i.flags.map((f) => (lang === 'vi' ? f.message.vi : f.message.en)).join('\n')}>⚑ {t('clearance.flags', { n: i.flags.length })}</span></>}
              </td>
              <td data-label={t('clearance.col.channel')}><ChannelBadge channel={i.channel} /></td>
              <td data-label={t('clearance.col.waiting')}>{i.waitingSince ? <WaitText minutes={i.waitingMinutes} /> : '—'}</td>
              <td data-label={t('clearance.col.status')}>
                <ControlStatusBadge status={i.status} />
                {showAgency && <><br /><small><ControlName agency={i.agency} kind={i.kind} /></small></>}
                {i.answered && i.status === 'pending' && <><br /><span className="badge answered">{t('clearance.answered')}</span></>}
                {i.inspection && <><br /><small>{t('clearance.inspectionAt', { bay: i.inspection.bayId, at: formatInstant(i.inspection.slotStart, lang, zone) })}</small></>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
