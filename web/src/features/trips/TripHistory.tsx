import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../components/format';
import type { TripEvent, TripVersion } from './api';
import { formatVnd } from './display';

/** The money an event moved, when it says (payments, refunds, settlements, a cancellation's refund). */
function amountOf(details: unknown): { amount: number; percent?: number } | null {
  const d = details as { amount?: unknown; refund?: { amount?: unknown; percent?: unknown } | null } | null;
  if (typeof d?.amount === 'number') return { amount: d.amount };
  if (d?.refund && typeof d.refund.amount === 'number') return { amount: d.refund.amount, percent: typeof d.refund.percent === 'number' ? d.refund.percent : undefined };
  return null;
}

/** The trip's timeline: every action, who took it, when (in the gate's zone) and why. */
export function TripTimeline({ events, timeZone }: { events: TripEvent[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  return (
    <section data-testid="trip-timeline">
      <h2>{t('trip.timeline')}</h2>
      <ol className="timeline">
        {events.map((e) => (
          <li key={e.id} data-action={e.action}>
            <time dateTime={e.at}>{formatInstant(e.at, i18n.language, timeZone)}</time>
            <span>
              <strong>{t(`trip.event.${e.action}`, { defaultValue: e.action })}</strong>
              {e.toStatus && e.toStatus !== e.fromStatus && <> → {t(`trips.status.${e.toStatus}`)}</>}
              {(() => {
                const money = amountOf(e.details);
                return money && <> · {formatVnd(money.amount, i18n.language)}{money.percent !== undefined && ` (${money.percent}%)`}</>;
              })()}
              {' · '}{e.actor}
              {e.reason && <><br /><em>{e.reason}</em></>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Earlier versions of the declaration: what each change replaced, by whom and why. */
export function TripVersions({ versions, timeZone }: { versions: TripVersion[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  if (versions.length === 0) return null;
  return (
    <section data-testid="trip-versions">
      <h2>{t('trip.versions')}</h2>
      <ul className="plain">
        {versions.map((v) => (
          <li key={v.version}>
            {t('trip.versionN', { n: v.version })} · {formatInstant(v.at, i18n.language, timeZone)} · {v.actor} · {t(`trips.status.${v.status}`)}
            {v.changes.length > 0 && <> · {t('trip.changed')}: {v.changes.map((c) => t(`trip.field.${c}`, { defaultValue: c })).join(', ')}</>}
            {v.reason && <><br /><em>{v.reason}</em></>}
          </li>
        ))}
      </ul>
    </section>
  );
}
