import crypto from 'node:crypto';
import { create } from 'xmlbuilder2';
import type { PublicCongestionFeed, PublicGateCongestion } from '../../../shared/schemas/operations';
import { toGateSummary } from '../gates/gates.mapper';
import { listGateRows, loadCalendars } from '../gates/gates.repository';
import type { AppServices } from '../platform/context';
import { lastEventIdOf } from './figures.repository';
import { isMonitored } from './gate-status';
import { gateLives } from './live';
import { congestionThresholds, nationalLevel } from './thresholds';

// The open congestion feed (no account): for every operating gate its status, hours today in
// both time zones, capacity open, trucks waiting, expected delay and level. Waits are measured
// from recorded timestamps, not estimated by eye. One computation per change and minute serves
// every caller; the ETag is the digest of the representation.

export const FEED_METHOD =
  'Trucks waiting = trucks checked in to a yard of the gate and not yet left (queued or called forward). Expected delay = trucks queued ÷ trucks called forward per hour over the last hours (the agreed hourly capacity when too few were called). Level = the higher of the queue against the day capacity and the expected delay, by the thresholds in reference/operations/congestion-levels.json.';

interface Rendered {
  key: string;
  feed: PublicCongestionFeed;
  json: string;
  jsonTag: string;
  xml: string;
  xmlTag: string;
}

const caches = new WeakMap<AppServices, Map<string, Rendered>>();

function etag(body: string): string {
  return `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

export async function buildFeed(services: AppServices, province: string | undefined): Promise<PublicCongestionFeed> {
  const { db } = services;
  const now = services.now();
  const t = congestionThresholds();
  const gates = (await listGateRows(db, province ? { province } : {})).filter(isMonitored);
  const lives = await gateLives(db, gates, now, t);
  const calendars = await loadCalendars(db, gates.map((g) => g.id));
  const items: PublicGateCongestion[] = gates.map((gate) => {
    const live = lives.get(gate.id)!;
    const summary = toGateSummary(gate, calendars.get(gate.id)!, now);
    const { export: ex, import: im } = live.directions;
    return {
      id: gate.id,
      nameVi: gate.name_vi,
      nameEn: gate.name_en,
      nameZh: gate.name_zh,
      counterpartNameVi: gate.counterpart_name_vi,
      counterpartNameZh: gate.counterpart_name_zh,
      province: gate.province,
      gateStatus: gate.status,
      open: live.openNow,
      specialDay: summary.today.special?.kind ?? null,
      hoursToday: {
        date: summary.today.date,
        timeZone: gate.time_zone,
        intervals: summary.today.intervals,
        counterpartTimeZone: gate.counterpart_time_zone,
        counterpartIntervals: summary.today.counterpartIntervals,
      },
      capacityOpen: { exportPerHour: ex.perHour, importPerHour: im.perHour, exportPerDay: ex.perDay, importPerDay: im.perDay },
      trucksWaiting: { total: live.waiting, export: ex.waiting, import: im.waiting },
      expectedDelayMinutes: { max: live.expectedWaitMinutes, export: ex.expectedWaitMinutes, import: im.expectedWaitMinutes },
      level: live.level,
      levelSince: live.levelSince,
      location: gate.lat === null || gate.lon === null ? null : { lat: gate.lat, lon: gate.lon, approximate: gate.location_approximate },
      updatedAt: live.computedAt,
    };
  });
  const waiting = items.reduce((s, g) => s + g.trucksWaiting.total, 0);
  return {
    generatedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    method: FEED_METHOD,
    national: { waiting, level: nationalLevel(waiting, t), thresholds: t.national.fromVehicles },
    gates: items,
  };
}

// Element names for the items of each list in the XML form.
const ITEM_NAMES: Record<string, string> = { gates: 'gate', intervals: 'interval', counterpartIntervals: 'interval' };

function toXmlObject(value: unknown, name: string): unknown {
  if (Array.isArray(value)) return { [ITEM_NAMES[name] ?? 'item']: value.map((v) => toXmlObject(v, '')) };
  if (value === null) return { '@nil': 'true' };
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toXmlObject(v, k)]));
  return String(value);
}

export function feedXml(feed: PublicCongestionFeed): string {
  return create({ version: '1.0', encoding: 'UTF-8' }, { congestion: { '@xmlns': 'urn:cua-khau-so:congestion:1', ...(toXmlObject(feed, 'congestion') as object) } }).end({ prettyPrint: true });
}

export async function renderedFeed(services: AppServices, province: string | undefined): Promise<Rendered> {
  let cache = caches.get(services);
  if (!cache) caches.set(services, (cache = new Map()));
  const now = services.now();
  const gatesVersion = await services.db.selectFrom('gates').select((eb) => eb.fn.max('updated_at').as('v')).executeTakeFirst();
  const key = `${await lastEventIdOf(services.db, null)}|${Math.floor(now.getTime() / 60_000)}|${String(gatesVersion?.v ?? '')}`;
  const cacheKey = province ?? '*';
  const hit = cache.get(cacheKey);
  if (hit && hit.key === key) return hit;
  const feed = await buildFeed(services, province);
  const json = JSON.stringify(feed);
  const xml = feedXml(feed);
  const rendered = { key, feed, json, jsonTag: etag(json), xml, xmlTag: etag(xml) };
  cache.set(cacheKey, rendered);
  return rendered;
}
