import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApi } from '../../components/useApi';
import { useSession } from '../../session';
import { urls, type Driver, type Vehicle } from './api';
import { DriversPanel } from './DriversPanel';
import { VehiclesPanel } from './VehiclesPanel';

/** The enterprise's vehicles and drivers, registered once and picked in every declaration. */
export function FleetPage() {
  const { t } = useTranslation();
  const { me, loading } = useSession();
  const allowed = !!me?.permissions.includes('fleet:write');
  const vehicles = useApi<{ items: Vehicle[] }>(allowed ? urls.vehicles : null);
  const drivers = useApi<{ items: Driver[] }>(allowed ? urls.drivers : null);
  if (loading) return <p>{t('common.loading')}</p>;
  if (!allowed) return <p className="alert" role="alert">{t('tripsCommon.signInAsEnterprise')}</p>;
  return (
    <section className="trips-page" data-testid="fleet-page">
      <h1>{t('fleet.title')}</h1>
      <p className="muted">{t('fleet.intro')}</p>
      <ErrorMessage error={vehicles.error ?? drivers.error} />
      <VehiclesPanel vehicles={vehicles.data?.items ?? []} onChanged={() => void vehicles.reload()} />
      <DriversPanel drivers={drivers.data?.items ?? []} onChanged={() => void drivers.reload()} />
    </section>
  );
}
