import { useTranslation } from 'react-i18next';
import { useApi } from '../../components/useApi';
import { noticeUrls, type PublicNoticeList } from './api';
import { NoticeCard } from './NoticeCard';
import './notices.css';

/**
 * The notices in force for some gates or a province (closures, holiday hours, fruit-only days),
 * in the reader's language. Used by the live board, the public congestion page and the driver page.
 */
export function NoticeStrip({ gateIds, province }: { gateIds?: string[]; province?: string }) {
  const { t } = useTranslation();
  // One gate is filtered by the server; several are filtered here from the province's (or all) notices.
  const one = gateIds && gateIds.length === 1 ? gateIds[0] : undefined;
  const { data } = useApi<PublicNoticeList>(noticeUrls.public({ gateId: one, province }));
  const items = (data?.items ?? []).filter((n) => !gateIds || gateIds.length === 0 || n.gates.some((g) => gateIds.includes(g.id)));
  if (items.length === 0) return null;
  return (
    <section className="notice-strip" aria-label={t('gateNotices.strip')} data-testid="notice-strip">
      {items.map((n) => <NoticeCard key={n.id} notice={n} compact />)}
    </section>
  );
}
