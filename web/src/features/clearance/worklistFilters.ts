import { CHANNELS, CLEARANCE_AGENCIES, CONTROL_STATUSES, type Channel } from '../../../../shared/schemas/clearance';

// The worklist's filters live in the page's URL (a reload or a shared link keeps them) and are
// turned into the API's query. Unknown values in a hand-edited URL fall back to the defaults
// instead of making the server answer 400.

export const WORKLIST_STATUSES = ['open', 'all', ...CONTROL_STATUSES] as const;
export type WorklistStatus = (typeof WORKLIST_STATUSES)[number];
/** Waiting-time thresholds offered in the filter, in minutes. */
export const WAIT_CHOICES = [15, 30, 60, 120, 240] as const;
export const WORKLIST_PAGE = 50;

export interface WorklistFilters {
  gateId: string;
  agency: string;
  status: WorklistStatus;
  channel: Channel | '';
  perishable: '' | 'true' | 'false';
  minWait: string;
  plannedDate: string;
  q: string;
  offset: number;
}

export const DEFAULT_FILTERS: WorklistFilters = { gateId: '', agency: '', status: 'open', channel: '', perishable: '', minWait: '', plannedDate: '', q: '', offset: 0 };

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T | ''): T | '' => ((values as readonly string[]).includes(value ?? '') ? (value as T) : fallback);

export function readFilters(params: URLSearchParams): WorklistFilters {
  const offset = Number(params.get('offset') ?? 0);
  const minWait = params.get('minWait') ?? '';
  return {
    gateId: /^[a-z0-9-]{2,64}$/.test(params.get('gateId') ?? '') ? params.get('gateId')! : '',
    agency: oneOf(CLEARANCE_AGENCIES, params.get('agency'), ''),
    status: oneOf(WORKLIST_STATUSES, params.get('status'), 'open') as WorklistStatus,
    channel: oneOf(CHANNELS, params.get('channel'), ''),
    perishable: oneOf(['true', 'false'] as const, params.get('perishable'), ''),
    minWait: /^\d{1,5}$/.test(minWait) ? String(Number(minWait)) : '',
    plannedDate: /^\d{4}-\d{2}-\d{2}$/.test(params.get('plannedDate') ?? '') ? params.get('plannedDate')! : '',
    q: (params.get('q') ?? '').slice(0, 40),
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The page URL's query: only what differs from the defaults. */
export function writeFilters(f: WorklistFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(f)) {
    if (value !== DEFAULT_FILTERS[key as keyof WorklistFilters] && String(value).trim() !== '') params.set(key, String(value).trim());
  }
  return params;
}

/** Changing any filter goes back to the first page. */
export function withFilter(f: WorklistFilters, patch: Partial<WorklistFilters>): WorklistFilters {
  return { ...f, offset: 0, ...patch };
}

/** The API query for the list itself. */
export function worklistQuery(f: WorklistFilters, limit = WORKLIST_PAGE): URLSearchParams {
  const q = new URLSearchParams();
  if (f.gateId) q.set('gateId', f.gateId);
  if (f.agency) q.set('agency', f.agency);
  q.set('status', f.status);
  if (f.channel) q.set('channel', f.channel);
  if (f.perishable) q.set('perishable', f.perishable);
  if (f.minWait) q.set('minWaitMinutes', f.minWait);
  if (f.plannedDate) q.set('plannedDate', f.plannedDate);
  if (f.q.trim()) q.set('q', f.q.trim());
  q.set('limit', String(limit));
  if (f.offset) q.set('offset', String(f.offset));
  return q;
}

/** How many controls of one channel the other filters leave (only the total is read). */
export function channelCountQuery(f: WorklistFilters, channel: Channel): URLSearchParams {
  return worklistQuery({ ...f, channel, offset: 0 }, 1);
}

/** A waiting time in whole days, hours and minutes (the largest non-zero units first). */
export function waitParts(minutes: number): { d: number; h: number; m: number } {
  const total = Math.max(0, Math.floor(minutes));
  return { d: Math.floor(total / 1440), h: Math.floor((total % 1440) / 60), m: total % 60 };
}
