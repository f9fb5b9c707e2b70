import { describe, expect, test } from 'vitest';
import { chooseSlot } from './inspections';

// Inspection slots: the earliest free one from the truck's window, the lighter bay when two are
// free at once, full slots skipped, the next day when today is over.

const TZ = 'Asia/Ho_Chi_Minh';
const bay = (id: string, over: Record<string, unknown> = {}) =>
  ({ id, gate_id: 'tra-linh', name_vi: id, name_en: id, name_zh: id, place_vi: '', place_en: '', place_zh: '', agencies: ['customs'], opens: '07:30:00', closes: '17:00:00', slot_minutes: 30, trucks_per_slot: 1, active: true, ...over }) as never;
const at = (local: string) => new Date(`${local}+07:00`);
const key = (bayId: string, local: string) => `${bayId}|${local.slice(0, 10)}|${at(local).toISOString()}`;

describe('chooseSlot', () => {
  test('the first slot at or after the start, on the bay grid', () => {
    const slot = chooseSlot([bay('b1')], new Map(), at('2027-03-03T08:10:00'), TZ)!;
    expect(slot.start.toISOString()).toBe(at('2027-03-03T08:30:00').toISOString());
    expect(slot.end.toISOString()).toBe(at('2027-03-03T09:00:00').toISOString());
  });

  test('a full slot is skipped; a slot with room is shared', () => {
    const full = new Map([[key('b1', '2027-03-03T08:00:00'), 1]]);
    expect(chooseSlot([bay('b1')], full, at('2027-03-03T08:00:00'), TZ)!.start.toISOString()).toBe(at('2027-03-03T08:30:00').toISOString());
    const two = chooseSlot([bay('b1', { trucks_per_slot: 2 })], full, at('2027-03-03T08:00:00'), TZ)!;
    expect(two.start.toISOString()).toBe(at('2027-03-03T08:00:00').toISOString());
  });

  test('between bays free at the same time, the one with the lighter day', () => {
    const booked = new Map([
      [key('b1', '2027-03-03T15:00:00'), 1],
      [key('b1', '2027-03-03T15:30:00'), 1],
    ]);
    expect(chooseSlot([bay('b1'), bay('b2')], booked, at('2027-03-03T08:00:00'), TZ)!.bay.id).toBe('b2');
    expect(chooseSlot([bay('b1'), bay('b2')], new Map(), at('2027-03-03T08:00:00'), TZ)!.bay.id).toBe('b1');
  });

  test('an earlier slot in a busier bay beats a later one in an idle bay', () => {
    const slot = chooseSlot([bay('b1'), bay('b2', { opens: '09:00:00' })], new Map([[key('b1', '2027-03-03T16:00:00'), 1]]), at('2027-03-03T08:00:00'), TZ)!;
    expect(slot.bay.id).toBe('b1');
  });

  test('after closing time, the next day\'s first slot; nothing when every slot is full', () => {
    const slot = chooseSlot([bay('b1')], new Map(), at('2027-03-03T16:45:00'), TZ)!;
    expect(slot.start.toISOString()).toBe(at('2027-03-04T07:30:00').toISOString());
    const tiny = bay('b1', { opens: '08:00:00', closes: '08:30:00' });
    const all = new Map(Array.from({ length: 9 }, (_, d) => [key('b1', `2027-03-${String(3 + d).padStart(2, '0')}T08:00:00`), 1] as [string, number]));
    expect(chooseSlot([tiny], all, at('2027-03-03T07:00:00'), TZ)).toBeNull();
  });
});
