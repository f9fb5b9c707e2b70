import type { Kysely } from 'kysely';
import type { CreateNoticeRequest } from '../../../shared/schemas/notices';
import type { Database } from '../db/database';
import { readDataset } from '../db/reference-data';
import { addDays } from '../gates/calendar';
import { instantAt, todayIn, VN_TIME_ZONE } from '../trips/time';
import { createNotice } from './create-notice';
import { publishNotice } from './publish-notice';
import { seedContext } from './seed-context';

// Demo notices (reference/notices/demo-notices.json), once, on a database with no notice yet.

interface Moment {
  inDays: number;
  time: string;
}
interface DemoNotice extends Omit<CreateNoticeRequest, 'validFrom' | 'validTo'> {
  key: string;
  validFrom?: string;
  validTo?: string;
  from?: Moment;
  to?: Moment;
  publish: boolean;
}

function resolve(at: Moment, today: string): string {
  return instantAt(addDays(today, at.inDays), at.time, VN_TIME_ZONE).toISOString();
}

export async function seedNotices(db: Kysely<Database>, options: { demo: boolean }): Promise<string> {
  if (!options.demo) return 'no demo notices';
  if (await db.selectFrom('gate_notices').select('id').limit(1).executeTakeFirst()) return 'notices exist';
  const demo = readDataset<{ actor: string; notices: DemoNotice[] }>('notices/demo-notices.json').data;
  const now = new Date();
  const ctx = await seedContext(db, demo.actor, now);
  if (!ctx) return 'no demo accounts';
  const today = todayIn(now);
  let created = 0;
  for (const { key, publish, from, to, validFrom, validTo, ...rest } of demo.notices) {
    const period = { validFrom: validFrom ?? resolve(from!, today), validTo: validTo ?? resolve(to!, today) };
    if (new Date(period.validTo) <= now) continue;
    const notice = await createNotice(ctx, { ...rest, ...period }, `demo-notice-${key}`);
    if (publish) await publishNotice(ctx, notice.body.id, notice.body.version);
    created++;
  }
  return `${created} demo notices`;
}
