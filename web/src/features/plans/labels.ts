import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import type { Agency } from '../../../../shared/schemas/accounts';
import type { AgencyRef, TaskPeriod } from '../../../../shared/schemas/plans';
import { api } from '../../api/client';
import { formatDate } from '../../components/format';
import { urls } from './api';

/** Plans are carried out in Vietnam: their times are shown in Vietnamese time. */
export const PLAN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

let agencyCache: Promise<Agency[]> | null = null;

/** The agency list (names in three languages), loaded once per page load. */
export function useAgencies(): Agency[] {
  const [agencies, setAgencies] = useState<Agency[]>([]);
  useEffect(() => {
    agencyCache ??= api<{ items: Agency[] }>('GET', urls.agencies)
      .then((r) => r.items)
      .catch(() => {
        agencyCache = null;
        return [];
      });
    let live = true;
    void agencyCache.then((items) => live && setAgencies(items));
    return () => {
      live = false;
    };
  }, []);
  return agencies;
}

/** An agency's name in the reader's language (Chinese from the agency list when it has one). */
export function agencyName(ref: Pick<AgencyRef, 'code' | 'nameVi' | 'nameEn'>, lang: string, agencies: readonly Agency[] = []): string {
  if (lang === 'vi') return ref.nameVi;
  if (lang === 'zh') return agencies.find((a) => a.code === ref.code)?.nameZh ?? ref.nameEn;
  return ref.nameEn;
}

/** The period of a task: the document's own words in Vietnamese, a translation otherwise. */
export function periodLabel(period: TaskPeriod, t: TFunction, lang: string): string {
  if (lang === 'vi') return period.textVi;
  switch (period.kind) {
    case 'date':
      return period.date ? formatDate(period.date, lang) : period.textVi;
    case 'year':
      return t('plans.period.year', { year: period.year });
    case 'range':
      return t('plans.period.range', { from: period.from?.slice(0, 4) ?? '', to: period.to?.slice(0, 4) ?? '' });
    default:
      return t(`plans.period.${period.kind}`);
  }
}
