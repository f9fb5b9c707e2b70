import type { VerifyPassResponse } from '../../../shared/schemas/passes';
import { PASS_VERDICTS } from '../../../shared/schemas/passes';
import { AT_GATE_TRIP_STATUSES, type TripStatus } from '../../../shared/workflows/trip';
import type { Executor } from '../trips/trips.repository';
import { outstandingOf } from '../trips/lifecycle';
import { publicKeyOf } from './keys';
import { parsePass, signatureValid } from './token';

// Online verification: the offline checks (format, known key, signature, expiry) and then what
// only the server knows (superseded by an amendment, revoked by a cancellation, trip state).

type Verdict = (typeof PASS_VERDICTS)[number];

const MESSAGES: Record<Verdict, { vi: string; en: string }> = {
  valid: { vi: 'Thẻ hợp lệ.', en: 'The pass is valid.' },
  malformed: { vi: 'Không phải thẻ qua cửa khẩu của hệ thống.', en: 'This is not a gate pass of the platform.' },
  unknown_key: { vi: 'Thẻ được ký bằng khóa không được công bố.', en: 'The pass is signed with an unpublished key.' },
  bad_signature: { vi: 'Chữ ký không khớp: thẻ đã bị sửa hoặc làm giả.', en: 'The signature does not match: the pass was altered or forged.' },
  expired: { vi: 'Thẻ đã hết hạn.', en: 'The pass has expired.' },
  superseded: { vi: 'Thẻ đã được thay bằng thẻ mới sau khi sửa tờ khai.', en: 'The pass was replaced by a newer one after an amendment.' },
  revoked: { vi: 'Thẻ đã bị thu hồi (chuyến xe đã hủy hoặc hết hạn).', en: 'The pass was revoked (the trip was cancelled or expired).' },
  trip_not_active: { vi: 'Chuyến xe không còn hiệu lực.', en: 'The trip is no longer active.' },
  settlement_due: { vi: 'Chuyến xe còn khoản phí bổ sung chưa nộp.', en: 'The trip has an unpaid extra charge.' },
};

export async function verifyPassToken(db: Executor, token: string, now: Date): Promise<VerifyPassResponse> {
  const answer = (verdict: Verdict, payload: VerifyPassResponse['payload'] = null, trip: VerifyPassResponse['trip'] = null): VerifyPassResponse => ({
    valid: verdict === 'valid',
    verdict,
    message: MESSAGES[verdict],
    payload,
    trip,
    checkedAt: now.toISOString(),
  });
  const parsed = parsePass(token);
  if (!parsed) return answer('malformed');
  const key = await publicKeyOf(db, parsed.payload.kid);
  if (!key) return answer('unknown_key');
  if (!signatureValid(parsed, key)) return answer('bad_signature');
  const p = parsed.payload;
  const trip = await db.selectFrom('trips').select(['id', 'reference', 'status', 'gate_id', 'fee_total', 'paid_amount']).where('id', '=', p.tid).executeTakeFirst();
  const tripInfo = trip ? { id: trip.id, reference: trip.reference, status: trip.status, gateId: trip.gate_id } : null;
  if (p.exp * 1000 <= now.getTime()) return answer('expired', p, tripInfo);
  const pass = await db.selectFrom('gate_passes').select('status').where('trip_id', '=', p.tid).where('serial', '=', p.sn).executeTakeFirst();
  if (!trip || !pass) return answer('trip_not_active', p, tripInfo);
  if (pass.status === 'superseded') return answer('superseded', p, tripInfo);
  if (pass.status === 'revoked') return answer('revoked', p, tripInfo);
  // A paid trip stays valid while the truck is at the gate (checked in, called, leaving the yard).
  if (trip.status !== 'paid' && !(AT_GATE_TRIP_STATUSES as readonly TripStatus[]).includes(trip.status as TripStatus)) return answer('trip_not_active', p, tripInfo);
  if (outstandingOf(trip) > 0) return answer('settlement_due', p, tripInfo);
  return answer('valid', p, tripInfo);
}
