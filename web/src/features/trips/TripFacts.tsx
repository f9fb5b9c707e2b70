import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { countryName, formatNumber } from './display';
import { urls, type Trip } from './api';

/** What was declared: route, people, load and documents. */
export function TripFacts({ trip }: { trip: Trip }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <>
      <dl className="facts" data-testid="trip-facts">
        <dt>{t('tripForm.direction')}</dt>
        <dd>{trip.direction ? t(`trips.direction.${trip.direction}`) : '—'}</dd>
        <dt>{t('tripForm.gate')}</dt>
        <dd>{trip.gateName ?? '—'}</dd>
        <dt>{t('tripForm.plannedDate')}</dt>
        <dd>{trip.plannedDate ? formatDate(trip.plannedDate, lang) : '—'}{trip.window && ` · ${trip.window.from}–${trip.window.to} (${t('gate.localTime')})`}</dd>
        <dt>{t('tripForm.vehicle')}</dt>
        <dd>{trip.vehicle ? `${trip.vehicle.plate}${trip.vehicle.trailerPlate ? ` + ${trip.vehicle.trailerPlate}` : ''} · ${t(`fleet.vehicleType.${trip.vehicle.type}`)} · ${trip.vehicle.tonnageCapacity} t` : '—'}</dd>
        <dt>{t('tripForm.driver')}</dt>
        <dd>{trip.driver ? `${trip.driver.fullName} · ${countryName(trip.driver.nationality, lang)} · ${trip.driver.documentNumber}` : '—'}</dd>
        {trip.containers.length > 0 && (
          <>
            <dt>{t('tripForm.containers')}</dt>
            <dd>{trip.containers.map((c) => `${c.number} (${c.size}′${c.sealNumber ? `, ${c.sealNumber}` : ''})`).join(', ')}</dd>
          </>
        )}
        {trip.notes && (
          <>
            <dt>{t('tripForm.notes')}</dt>
            <dd>{trip.notes}</dd>
          </>
        )}
      </dl>

      <h2>{t('tripForm.cargo')}</h2>
      {trip.cargoLines.length === 0 ? <p className="muted">{t('tripForm.noCargo')}</p> : (
        <ol className="cargo-summary" data-testid="trip-cargo">
          {trip.cargoLines.map((l) => (
            <li key={l.index}>
              <strong>{l.hsCode ?? '—'}</strong> {l.description}
              {l.hsDescription && <small className="muted"> ({l.hsDescription})</small>}
              <br />
              <small>
                {[
                  l.packages !== null ? `${l.packages} ${l.packageKind ?? ''}` : null,
                  l.quantity !== null ? `${formatNumber(l.quantity, lang)} ${l.unit ?? ''}` : null,
                  l.grossWeightKg !== null ? `${formatNumber(l.grossWeightKg, lang)} kg` : null,
                  l.declaredValue !== null ? `${formatNumber(l.declaredValue, lang, 2)} ${l.currency ?? ''}` : null,
                  l.origin ? countryName(l.origin, lang) : null,
                  l.perishable ? t('tripForm.perishable') : null,
                  l.growingAreaCode ? `PUC ${l.growingAreaCode}` : null,
                  l.packingHouseCode ? `PHC ${l.packingHouseCode}` : null,
                ].filter(Boolean).join(' · ')}
              </small>
            </li>
          ))}
        </ol>
      )}

      {trip.documents.length > 0 && (
        <>
          <h2>{t('tripForm.documents')}</h2>
          <ul className="plain" data-testid="trip-documents-list">
            {trip.documents.map((d, i) => {
              const file = d.fileId ? trip.files.find((f) => f.id === d.fileId) : undefined;
              return (
                <li key={i}>
                  {t(`trips.documentKind.${d.kind}`)}: <strong>{d.number}</strong>
                  {d.expiresOn && ` · ${t('tripForm.expiresOn')} ${formatDate(d.expiresOn, lang)}`}
                  {file && <> · <a href={urls.tripFile(trip.id, file.id)} target="_blank" rel="noreferrer">{file.fileName}</a> <small className="muted mono">sha256 {file.sha256.slice(0, 12)}…</small></>}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
