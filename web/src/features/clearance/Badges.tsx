import { useTranslation } from 'react-i18next';
import type { Channel, ControlStatus } from '../../../../shared/schemas/clearance';
import type { ClearanceStatus } from '../../../../shared/workflows/trip';
import { waitParts } from './worklistFilters';

// Small labels used on every clearance screen. A channel is always written out beside its
// colour (and carries a shape mark), so it reads the same for colour-blind officers and in print.

const CHANNEL_MARK: Record<Channel, string> = { green: '●', yellow: '▲', red: '■' };

export function ChannelBadge({ channel }: { channel: Channel | null }) {
  const { t } = useTranslation();
  if (!channel) return <span className="badge channel-none" data-channel="none">{t('clearance.channel.none')}</span>;
  return (
    <span className={`badge channel channel-${channel}`} data-channel={channel} data-testid="channel-badge">
      <span aria-hidden="true">{CHANNEL_MARK[channel]} </span>{t(`clearance.channel.${channel}`)}
    </span>
  );
}

export function ControlStatusBadge({ status }: { status: ControlStatus }) {
  const { t } = useTranslation();
  return <span className={`badge control-${status}`} data-status={status} data-testid="control-status">{t(`clearance.controlStatus.${status}`)}</span>;
}

export function ClearanceStatusBadge({ status }: { status: ClearanceStatus }) {
  const { t } = useTranslation();
  return <span className={`badge clearance-${status}`} data-clearance={status} data-testid="clearance-status">{t(`clearance.tripClearance.${status}`)}</span>;
}

export function PerishableBadge() {
  const { t } = useTranslation();
  return <span className="badge perishable" data-testid="perishable">{t('clearance.perishable')}</span>;
}

/** "1 h 20 min", "2 d 3 h": a waiting time in the reader's language. */
export function WaitText({ minutes }: { minutes: number }) {
  const { t } = useTranslation();
  const { d, h, m } = waitParts(minutes);
  const parts = [d ? t('clearance.wait.days', { n: d }) : null, h ? t('clearance.wait.hours', { n: h }) : null, !d && (m || !h) ? t('clearance.wait.minutes', { n: m }) : null];
  return <span className="wait" data-minutes={minutes}>{parts.filter(Boolean).join(' ')}</span>;
}

/** Agency and what it controls, e.g. "Kiểm dịch thực vật · An toàn thực phẩm". */
export function ControlName({ agency, kind }: { agency: string; kind: string }) {
  const { t } = useTranslation();
  const agencyText = t(`clearance.agency.${agency}`);
  const kindText = t(`clearance.kind.${kind}`);
  return <>{agencyText === kindText || kind === agency ? agencyText : `${agencyText} · ${kindText}`}</>;
}
