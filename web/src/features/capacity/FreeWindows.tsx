import { useTranslation } from 'react-i18next';
import { useApi } from '../../components/useApi';
import { capacityUrls, type Availability } from './api';
import './capacity.css';

interface Props {
  gateId: string;
  date: string;
  /** The trip's direction (export, import, transit…). */
  direction: string;
  window: { from: string; to: string };
  onPick: (window: { from: string; to: string }) => void;
}

const overlaps = (h: { from: string; to: string }, w: { from: string; to: string }) => !!w.from && !!w.to && h.from < w.to && w.from < h.to;

/** The declaration form's view of what is free at the gate that day: one button per open hour. */
export function FreeWindows({ gateId, date, direction, window, onPick }: Props) {
  const { t } = useTranslation();
  const { data } = useApi<Availability>(capacityUrls.availability(gateId, date, direction));
  const day = data?.days[0];
  if (!day) return null;
  if (day.perDay === 0) return <p className="hint bad" data-testid="free-windows">{t('booking.free.closed')}</p>;
  return (
    <div className="free-windows" data-testid="free-windows">
      <p className="hint">
        <strong>{t('booking.free.title')}</strong> · {t('booking.free.dayFree', { value: day.free })}
        {day.fruitOnly && <> · {t('booking.free.fruitOnly')}</>}
      </p>
      <div className="slot-list" role="group" aria-label={t('booking.free.title')}>
        {day.hours.map((h) => {
          const chosen = overlaps(h, window);
          return (
            <button key={h.hour} type="button" className={`slot ${chosen ? 'chosen' : ''} ${h.free === 0 ? 'full' : ''}`} disabled={h.free === 0}
              aria-pressed={chosen} data-testid={`free-hour-${h.hour}`} onClick={() => onPick({ from: h.from, to: h.to })}>
              <span className="mono">{h.from}–{h.to}</span>
              <small>{h.free === 0 ? t('booking.free.full') : t('booking.free.left', { value: h.free })}</small>
            </button>
          );
        })}
      </div>
      <p className="hint">{t('booking.free.hint')}</p>
    </div>
  );
}
