import { useTranslation } from 'react-i18next';
import type { ClearanceTripView } from '../../../../shared/schemas/clearance';
import { countryName, formatNumber } from '../trips/display';

type Line = ClearanceTripView['cargoLines'][number];
type Check = Line['growingAreaCheck'];

/** A growing-area or packing-house code with the result of its check against the approved list. */
function CodeWithCheck({ code, check, testId }: { code: string | null; check: Check; testId: string }) {
  const { t } = useTranslation();
  if (check === 'not_applicable' && !code) return <>—</>;
  return (
    <span data-testid={testId} data-check={check}>
      <span className="mono">{code ?? '—'}</span>{' '}
      <span className={`badge code-${check}`}>{check === 'approved' ? '✓ ' : check === 'not_approved' || check === 'missing' ? '✗ ' : ''}{t(`clearanceTrip.codeCheck.${check}`)}</span>
    </span>
  );
}

/** The load line by line, with growing-area (PUC) and packing-house (PHC) codes checked. */
export function CargoChecks({ lines }: { lines: Line[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <section data-testid="clearance-cargo">
      <h2>{t('clearanceTrip.cargo')}</h2>
      <div className="table-wrap">
        <table className="table cargo-checks">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('clearanceTrip.goods')}</th>
              <th scope="col">{t('clearanceTrip.quantity')}</th>
              <th scope="col">{t('clearanceTrip.value')}</th>
              <th scope="col">{t('clearanceTrip.puc')}</th>
              <th scope="col">{t('clearanceTrip.phc')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.index} data-testid="cargo-line" data-index={l.index}>
                <td data-label="#">{l.index + 1}</td>
                <td data-label={t('clearanceTrip.goods')}>
                  <strong className="mono">{l.hsCode ?? '—'}</strong> {l.description}
                  {l.hsDescription && <><br /><small className="muted">{l.hsDescription}</small></>}
                  {l.perishable && <><br /><span className="badge perishable">{t('clearance.perishable')}</span></>}
                </td>
                <td data-label={t('clearanceTrip.quantity')}>
                  {[l.quantity !== null ? `${formatNumber(l.quantity, lang)} ${l.unit ?? ''}` : null, l.grossWeightKg !== null ? `${formatNumber(l.grossWeightKg, lang)} kg` : null, l.packages !== null ? `${l.packages} ${l.packageKind ?? ''}` : null].filter(Boolean).join(' · ')}
                </td>
                <td data-label={t('clearanceTrip.value')}>
                  {l.declaredValue !== null ? `${formatNumber(l.declaredValue, lang, 2)} ${l.currency ?? ''}` : '—'}
                  {l.origin && <><br /><small>{countryName(l.origin, lang)}</small></>}
                </td>
                <td data-label={t('clearanceTrip.puc')}><CodeWithCheck code={l.growingAreaCode} check={l.growingAreaCheck} testId="puc-check" /></td>
                <td data-label={t('clearanceTrip.phc')}><CodeWithCheck code={l.packingHouseCode} check={l.packingHouseCheck} testId="phc-check" /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
