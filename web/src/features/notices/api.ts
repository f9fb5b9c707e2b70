import type { CreateNoticeRequest, GateNotice, NoticeEvent, PublicNotice, PublicNoticeList, TripNotices, UpdateNoticeRequest } from '../../../../shared/schemas/notices';
import { api } from '../../api/client';

// Every notices URL the screens use, in one place.

const enc = encodeURIComponent;

export const noticeUrls = {
  public: (q: { gateId?: string; province?: string } = {}) => {
    const params = new URLSearchParams(Object.entries(q).filter(([, v]) => !!v) as Array<[string, string]>);
    return `/api/v1/public/notices${params.size ? `?${params}` : ''}`;
  },
  publicOne: (id: string) => `/api/v1/public/notices/${enc(id)}`,
  trip: (tripId: string) => `/api/v1/trips/${enc(tripId)}/notices`,
  manage: (status?: string) => `/api/v1/notices${status ? `?status=${enc(status)}` : ''}`,
  one: (id: string) => `/api/v1/notices/${enc(id)}`,
  history: (id: string) => `/api/v1/notices/${enc(id)}/history`,
  gates: '/api/v1/gates',
};

export const noticesApi = {
  create: (body: CreateNoticeRequest, key: string) => api<GateNotice>('POST', '/api/v1/notices', body, { 'idempotency-key': key }),
  update: (id: string, body: UpdateNoticeRequest) => api<GateNotice>('PATCH', noticeUrls.one(id), body),
  publish: (id: string, version: number) => api<GateNotice>('POST', `${noticeUrls.one(id)}/publish`, { version }),
  withdraw: (id: string, version: number, reason: string) => api<GateNotice>('POST', `${noticeUrls.one(id)}/withdraw`, { version, reason }),
};

export type { GateNotice, NoticeEvent, PublicNotice, PublicNoticeList, TripNotices };
