import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TRIP_DIRECTIONS } from '../../../../shared/schemas/trips';
import type { Gate, GateSummary } from '../../../../shared/schemas/gates';
import { formatDate, gateName, intervalsText } from '../../components/format';
import { useApi } from '../../components/useApi';
import { FreeWindows } from '../capacity/FreeWindows';
import { urls, type Driver, type Vehicle } from './api';
import { hoursOn, todayIn } from './display';
import { FieldErrors } from './Problems';
import type { FieldProblem } from './problems';
import type { TripForm } from './tripForm';

interface Props {
  form: TripForm;
  change: (patch: Partial<TripForm>, paths: string[]) => void;
  problems: FieldProblem[];
  gates: GateSummary[];
  vehicles: Vehicle[];
  drivers: Driver[];
}

/** Gates that take goods and are open for business: the only ones a truck can be declared at. */
export function goodsGates(gates: GateSummary[]): GateSummary[] {
  return gates.filter((g) => g.traffic.includes('goods') && g.status !== 'planned');
}

function GateDayHours({ gateId, date }: { gateId: string; date: string }) {
  const { t, i18n } = useTranslation();
  const { data: gate } = useApi<Gate>(urls.gate(gateId));
  if (!gate) return null;
  const day = date || todayIn(gate.timeZone);
  const hours = hoursOn(gate, day);
  const special = hours.special ? ` · ${t(`specialKind.${hours.special.kind}`)}: ${(i18n.language === 'en' && hours.special.nameEn) || (i18n.language === 'zh' && hours.special.nameZh) || hours.special.nameVi}` : '';
  return (
    <p className={`hint ${hours.open ? '' : 'bad'}`} data-testid="gate-hours">
      {t('tripForm.hoursOn', { date: formatDate(day, i18n.language) })}:{' '}
      {hours.open
        ? `${intervalsText(hours.intervals)} (${t('gate.localTime')}) = ${intervalsText(hours.counterpartIntervals)} (${t('gate.counterpartTime')})`
        : t('gate.closed')}
      {special}
    </p>
  );
}

export function TripRouteFields({ form, change, problems, gates, vehicles, drivers }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const vehicle = vehicles.find((v) => v.id === form.vehicleId);
  const driver = drivers.find((d) => d.id === form.driverId);
  const invalid = (path: string) => problems.some((p) => p.path === path) || undefined;
  const gate = gates.find((g) => g.id === form.gateId);
  const minDate = gate ? todayIn(gate.timeZone) : undefined;

  return (
    <fieldset className="panel" data-testid="trip-route">
      <legend>{t('tripForm.route')}</legend>
      <div className="grid">
        <label>{t('tripForm.direction')}
          <select name="direction" data-path="/direction" aria-invalid={invalid('/direction')} value={form.direction}
            onChange={(e) => change({ direction: e.target.value as TripForm['direction'] }, ['/direction'])}>
            <option value="">—</option>
            {TRIP_DIRECTIONS.map((d) => <option key={d} value={d}>{t(`trips.direction.${d}`)}</option>)}
          </select>
          <FieldErrors problems={problems} path="/direction" />
        </label>
        <label className="wide">{t('tripForm.gate')}
          <select name="gateId" data-path="/gateId" aria-invalid={invalid('/gateId')} value={form.gateId}
            onChange={(e) => change({ gateId: e.target.value }, ['/gateId', '/plannedDate', '/window'])}>
            <option value="">—</option>
            {goodsGates(gates).map((g) => <option key={g.id} value={g.id}>{gateName(g, lang)}</option>)}
          </select>
          <FieldErrors problems={problems} path="/gateId" />
        </label>
        <label>{t('tripForm.plannedDate')}
          <input type="date" name="plannedDate" data-path="/plannedDate" aria-invalid={invalid('/plannedDate')} min={minDate} value={form.plannedDate}
            onChange={(e) => change({ plannedDate: e.target.value }, ['/plannedDate', '/window'])} />
          <FieldErrors problems={problems} path="/plannedDate" />
        </label>
        <div className="window">
          <label>{t('tripForm.windowFrom')}
            <input type="time" name="windowFrom" data-path="/window" aria-invalid={invalid('/window')} value={form.windowFrom}
              onChange={(e) => change({ windowFrom: e.target.value }, ['/window'])} />
          </label>
          <label>{t('tripForm.windowTo')}
            <input type="time" name="windowTo" value={form.windowTo} aria-invalid={invalid('/window')}
              onChange={(e) => change({ windowTo: e.target.value }, ['/window'])} />
          </label>
          <FieldErrors problems={problems} path="/window" />
        </div>
      </div>
      {form.gateId && <GateDayHours gateId={form.gateId} date={form.plannedDate} />}
      {form.gateId && form.plannedDate && form.direction && (
        <FreeWindows gateId={form.gateId} date={form.plannedDate} direction={form.direction} window={{ from: form.windowFrom, to: form.windowTo }}
          onPick={(w) => change({ windowFrom: w.from, windowTo: w.to }, ['/window'])} />
      )}
      <div className="grid">
        <label>{t('tripForm.vehicle')}
          <select name="vehicleId" data-path="/vehicleId" aria-invalid={invalid('/vehicleId')} value={form.vehicleId}
            onChange={(e) => change({ vehicleId: e.target.value }, ['/vehicleId', '/cargoLines'])}>
            <option value="">—</option>
            {vehicles.filter((v) => v.active || v.id === form.vehicleId).map((v) => (
              <option key={v.id} value={v.id}>{v.plate} · {t(`fleet.vehicleType.${v.type}`)} · {v.tonnageCapacity} t{v.inspectionExpired ? ` (${t('fleet.inspectionExpired')})` : ''}</option>
            ))}
          </select>
          {vehicle?.inspectionExpired && <span className="hint bad">{t('fleet.inspectionExpired')}</span>}
          <FieldErrors problems={problems} path="/vehicleId" />
        </label>
        <label>{t('tripForm.driver')}
          <select name="driverId" data-path="/driverId" aria-invalid={invalid('/driverId')} value={form.driverId}
            onChange={(e) => change({ driverId: e.target.value }, ['/driverId'])}>
            <option value="">—</option>
            {drivers.filter((d) => d.active || d.id === form.driverId).map((d) => (
              <option key={d.id} value={d.id}>{d.fullName} · {d.documentNumber}{d.documentExpired ? ` (${t('fleet.documentExpired')})` : ''}</option>
            ))}
          </select>
          {driver && form.plannedDate && driver.documentExpiresOn < form.plannedDate && (
            <span className="hint bad">{t('tripForm.documentExpiresBefore', { date: formatDate(driver.documentExpiresOn, lang) })}</span>
          )}
          <FieldErrors problems={problems} path="/driverId" />
        </label>
      </div>
      {vehicles.length === 0 && <p className="hint">{t('tripForm.noFleet')} <Link to="/fleet">{t('fleet.title')}</Link></p>}
    </fieldset>
  );
}
