import { useTranslation } from 'react-i18next';
import type { ControlEvent } from '../../../../shared/schemas/clearance';
import { formatInstant } from '../../components/format';
import { ControlName } from './Badges';

/** The control log, oldest first: who did what to which control, when (in the gate's zone) and why. */
export function ControlLog({ events, zone }: { events: ControlEvent[]; zone: string }) {
  const { t, i18n } = useTranslation();
  return (
    <section data-testid="control-log">
      <h2>{t('clearanceTrip.log')}</h2>
      <ol className="timeline">
        {events.map((e) => (
          <li key={e.id} data-action={e.action} data-kind={e.kind}>
            <time dateTime={e.at}>{formatInstant(e.at, i18n.language, zone)}</time>
            <span>
              <strong>{t(`clearanceTrip.event.${e.action}`)}</strong> · <ControlName agency={e.agency} kind={e.kind} />
              {e.fromStatus !== e.toStatus && <> → {t(`clearance.controlStatus.${e.toStatus}`)}</>} · {e.actorLabel}
              {e.reason && <><br /><em>{e.reason}</em></>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
