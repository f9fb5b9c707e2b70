import { waitForStatus, type TripRun } from '../bench/peak/flow';
import { gateSteps } from '../bench/peak/gate-steps';
import type { prepareDay } from '../bench/peak/run-peak';
import { Client } from '../bench/lib/http';
import { runBounded } from '../bench/lib/pool';
import { withClient } from '../bench/lib/postgres';
import type { ServerProcess } from '../bench/lib/server';
import type { DrillLog } from './lib/drill';
import { queryOf } from './lib/invariants';
import { checkBoards, watchBoards } from './two-process-board';

// The yard and board half of the two-process drill: call-forwards sent to both servers at once
// never call a truck twice nor more than the call limit, and an event caused through one server
// reaches boards open on the other.

export interface CrossProcessContext {
  url: string;
  a: ServerProcess;
  b: ServerProcess;
  day: Awaited<ReturnType<typeof prepareDay>>;
}

export async function crossProcessChecks(log: DrillLog, ctx: CrossProcessContext): Promise<void> {
  const { day } = ctx;
  const gateId = busiestExportGate(day);
  const watch = await watchBoards(ctx, gateId);
  if (!day.api.has('POST', '/api/v1/yards/call-next')) {
    log.note('call-forward not raced: the yards routes do not exist');
  } else {
    await callRace(log, ctx, gateId);
  }
  await checkBoards(log, ctx, watch);
}

function busiestExportGate(day: CrossProcessContext['day']): string {
  const counts = new Map<string, number>();
  for (const t of day.trips) if (t.plan.direction === 'export' && t.status && t.status !== 'draft') counts.set(t.plan.gateId, (counts.get(t.plan.gateId) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1])[0]?.[0] ?? 'bench-huu-nghi';
}

async function callRace(log: DrillLog, { url, b, day }: CrossProcessContext, gateId: string): Promise<void> {
  const [checkIn, clear] = gateSteps;
  day.ctx.retry = true;
  // The declared export trucks of the busiest gate, paid, checked in and cleared: waiting to be called.
  const exports = day.trips.filter((t) => t.plan.direction === 'export' && t.status && t.status !== 'draft');
  const waiting: TripRun[] = exports.filter((t) => t.plan.gateId === gateId).slice(0, 24);
  await runBounded(waiting, { concurrency: 8, deadlineMs: 300_000 }, async (t) => {
    await waitForStatus(day.ctx, t, (x) => x.status === 'paid' && x.fee.outstanding <= 0, 'trip.get(wait_paid)');
    for (const step of [checkIn, clear]) await step.run(day.ctx, t);
  });
  const ready = waiting.filter((t) => t.acknowledged.some((a) => a.kind === 'cleared'));
  if (ready.length < 2) {
    log.check('trucks waiting to be called for the race', false, `${ready.length} ready`);
    return;
  }
  const operatorA = day.ctx.officer(gateId, 'yard_operator');
  const operatorB = new Client(b.baseUrl).as({ cookie: operatorA.cookie! });
  const presses = Array.from({ length: 16 }, (_, i) => (i % 2 ? operatorA : operatorB).post<{ called?: unknown[]; code?: string }>('/api/v1/yards/call-next', { gateId, direction: 'export' }));
  const answers = await Promise.all(presses);
  const statuses = answers.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
  const calledInAnswers = answers.reduce((n, r) => n + (Array.isArray(r.body.called) ? r.body.called.length : 0), 0);
  log.figure(`"call next" pressed 16 times at once on both servers for ${ready.length} cleared trucks`, { answers: statuses, trucksCalled: calledInAnswers });
  await withClient(url, async (client) => {
    const q = queryOf(client);
    const ids = ready.map((t) => t.id);
    const calls = await q(`select trip_id, count(*)::int as n from yard_calls where trip_id = any($1::uuid[]) group by trip_id`, [ids]);
    const twice = calls.filter((c) => (c.n as number) > 1);
    const total = calls.reduce((s, c) => s + (c.n as number), 0);
    const rules = await q(`select rules from yard_gate_rules where gate_id = $1`, [gateId]).catch(() => []);
    const limit = (rules[0]?.rules as { callForward?: { maxCalledAtOnce?: number } } | undefined)?.callForward?.maxCalledAtOnce ?? 10;
    // The call-forward job of either process may call some of them too: every call counts.
    log.check('no truck called twice by two servers', twice.length === 0, `${total} calls recorded (${calledInAnswers} by the pressed buttons, the rest by the call-forward job), ${twice.length} trucks called twice`);
    log.check('calls stay within the call limit', total <= limit, `${total} called at once, limit ${limit}`);
  });
}
