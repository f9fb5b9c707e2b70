import type { BenchReport } from './report';

// What the figures say needs attention, in words, with the figure: slow operations, errors, the
// headroom against the national target, and the live board's one-second promise (issue 8).

const SLOW_P95_MS = 500;
const SLOW_QUERY_P95_MS = 1000;
/** 20,000 trips a day with 80% declared in four morning hours. */
const NATIONAL_PEAK_TRIPS_PER_SECOND = (20_000 * 0.8) / (4 * 3600);

export function findings(r: BenchReport): string[] {
  const out: string[] = [];
  for (const [label, p] of [['peak day', r.peak], ['peak day over the history', r.national?.peak]] as const) {
    if (!p) continue;
    for (const [op, s] of Object.entries(p.operations)) {
      if (s.p95 > SLOW_P95_MS) out.push(`${label}: ${op} is slow, p95 ${s.p95} ms (p99 ${s.p99} ms) over ${s.count} requests`);
    }
    if (p.errors > 0) out.push(`${label}: ${p.errors} requests failed: ${JSON.stringify(p.errorsByOperation)}`);
    if (p.tripsFailed > 0) out.push(`${label}: ${p.tripsFailed} trucks did not finish (${JSON.stringify(p.failedByStep)})`);
    const headroom = p.tripsPerSecond / NATIONAL_PEAK_TRIPS_PER_SECOND;
    out.push(`${label}: ${p.tripsPerSecond} trips/s end to end is ${headroom.toFixed(1)}× the national morning peak (${NATIONAL_PEAK_TRIPS_PER_SECOND.toFixed(2)} trips/s: 80% of 20,000 trips in 4 hours) on this machine`);
  }
  // Issue 7: selection (at submission) must not read the whole history; compare with and without it.
  if (r.peak && r.national) {
    const h = r.national.history;
    for (const op of ['trip.submit', 'clearance.trip_view', 'clearance.pass', 'yard.qr_check_in', 'yard.call_next']) {
      const empty = r.peak.operations[op];
      const full = r.national.peak.operations[op];
      if (!empty || !full) continue;
      const ratio = full.p50 / Math.max(0.1, empty.p50);
      const verdict = ratio > 2 ? 'SLOWER over the history' : 'not affected by the history';
      out.push(`${op}: p50 ${empty.p50} ms on an empty database, ${full.p50} ms over ${h.trips.toLocaleString('en-US')} trips of history (×${ratio.toFixed(2)}): ${verdict}`);
    }
  }
  for (const [q, t] of Object.entries(r.national?.queries.timings ?? {})) {
    if (t.p95 > SLOW_QUERY_P95_MS) out.push(`history: "${q}" is slow, p95 ${t.p95} ms`);
  }
  const c = r.checkIn;
  if (c) {
    for (const [label, x] of [['camera readings', c.camera], ['QR check-ins', c.qr]] as const) {
      const failed = Object.entries(x.outcomes).filter(([k]) => !/^20\d (checked_in|applied)$/.test(k)).reduce((s, [, v]) => s + v, 0);
      if (failed > 0) out.push(`check-in burst: ${failed} of ${x.latency.count} ${label} at one yard were not admitted (${JSON.stringify(x.outcomes)}), p50 ${x.latency.p50} ms`);
    }
  }
  const f = r.fanout;
  if (f?.toLastSubscriber && f.toLastSubscriber.p99 > 1000) out.push(`fan-out: events reach the last of ${f.connected} subscribers in p99 ${f.toLastSubscriber.p99} ms, over the one-second promise`);
  if (f && f.missed > 0) out.push(`fan-out: ${f.missed} deliveries missed`);
  return out;
}
