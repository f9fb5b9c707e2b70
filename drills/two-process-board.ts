import { DEFAULT_DEMO_PASSWORD } from '../server/src/db/seed-demo';
import { Client, login } from '../bench/lib/http';
import { withClient } from '../bench/lib/postgres';
import { subscribe, type SseSubscriber } from '../bench/lib/sse';
import type { DrillLog } from './lib/drill';
import { queryOf } from './lib/invariants';
import type { CrossProcessContext } from './two-process-gate';

// Live boards open on both servers while the call race runs through both: every event the race
// caused (through either server) must reach the boards on both, since each process is woken by
// LISTEN/NOTIFY from the other (and reads events by id).

export interface BoardWatch {
  since: number;
  gateId: string;
  seen: { a: Set<string>; b: Set<string> };
  subs: SseSubscriber[];
}

export async function watchBoards(ctx: CrossProcessContext, gateId: string): Promise<BoardWatch | null> {
  if (!ctx.day.api.has('GET', '/api/v1/operations/stream')) return null;
  const since = await withClient(ctx.url, async (db) => Number((await db.query<{ id: string }>('select coalesce(max(id), 0) as id from domain_events')).rows[0].id));
  const cookie = await login(new Client(ctx.a.baseUrl), 'admin', process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD);
  const seen = { a: new Set<string>(), b: new Set<string>() };
  const subs: SseSubscriber[] = [];
  for (const [side, server] of [['a', ctx.a], ['b', ctx.b]] as const) {
    subs.push(
      await subscribe(`${server.baseUrl}/api/v1/operations/stream?gateId=${gateId}`, { cookie }, (e) => {
        if (e.id && (!e.event || e.event === 'domain')) seen[side].add(e.id);
      }),
    );
  }
  return { since, gateId, seen, subs };
}

export async function checkBoards(log: DrillLog, ctx: CrossProcessContext, watch: BoardWatch | null): Promise<void> {
  if (!watch) {
    log.note('events to boards on both servers not checked: the operations stream does not exist');
    return;
  }
  const events = await withClient(ctx.url, async (db) => (await queryOf(db)(`select id::text as id from domain_events where id > $1 and gate_id = $2`, [watch.since, watch.gateId])).map((r) => String(r.id)));
  const deadline = Date.now() + 10_000;
  const missing = () => events.filter((id) => !watch.seen.a.has(id) || !watch.seen.b.has(id));
  while (missing().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const s of watch.subs) s.close();
  log.check(
    'events caused through either server reach the boards on both',
    events.length > 0 && missing().length === 0,
    `${events.length} events at ${watch.gateId}; board on A saw ${events.filter((id) => watch.seen.a.has(id)).length}, board on B ${events.filter((id) => watch.seen.b.has(id)).length}`,
  );
}
