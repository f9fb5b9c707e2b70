import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint, dbKinds } from '../../test/harness';
import { durianLine, furnitureLine, type Kit } from '../trips/__fixtures__/trips.testkit';
import { controlOf, CUSTOMS_DECLARATION, declare, officerView, PHYTO, publish, quietRules, startClearanceKit } from './__fixtures__/clearance.testkit';

// Approved PUC/PHC lists imported as data (all or nothing, versioned) and checked on fruit
// lines; the officer's worklist with its order and filters.

describe.each(dbKinds())('clearance lists and worklist on %s', (kind) => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startClearanceKit(kind);
    await publish(kit, quietRules());
  });
  afterAll(async () => kit?.t.close());

  const importCodes = (body: Record<string, unknown>) => kit.req('POST', '/api/v1/clearance/approved-codes/import', 'kdtv.tralinh', { label: 'GACC 2027-03', reason: 'Danh sách mới công bố', ...body });

  it('a code not on the approved list flags plant quarantine, which then never passes automatically', async () => {
    const trip = await declare(kit, { cargoLines: [durianLine({ growingAreaCode: 'VNORC-0555' })], documents: [CUSTOMS_DECLARATION, PHYTO] });
    const view = await officerView(kit, trip.id, 'kdtv.tralinh');
    const plant = controlOf(view, 'plant_quarantine');
    expect(plant.status).toBe('pending');
    expect(plant.flags).toEqual([expect.objectContaining({ code: 'code_not_approved', lineIndex: 0 })]);
    expect(plant.flags[0].message.vi).toContain('VNORC-0555');
    expect(view.cargoLines[0]).toMatchObject({ growingAreaCheck: 'not_approved', packingHouseCheck: 'approved' });
    expect(controlOf(view, 'customs').status).toBe('passed');
    expect(view.trip.clearanceStatus).toBe('pending');
    const listed = (await kit.req('GET', '/api/v1/clearance/worklist', 'kdtv.tralinh')).json().items.find((i: { tripId: string }) => i.tripId === trip.id);
    expect(listed.flags.map((f: { code: string }) => f.code)).toEqual(['code_not_approved']);
  });

  it('an import with problems is refused as a whole, listing each one', async () => {
    const before = await databaseFingerprint(kit.t.db, ['sessions']);
    const csv = 'kind,code,fruit,holder\npuc,VNORC-0555,durian,"HTX A, Đắk Lắk"\nphc,12345,durian,\npuc,VNORC-0556,kiwi,\npuc,VNORC-0555,durian,\n';
    const res = await importCodes({ mode: 'merge', format: 'csv', csv });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`)).toEqual(['/csv/line 3/code:format', '/csv/line 4/fruit:fruit', '/csv/line 5/code:duplicate']);
    expect((await importCodes({ mode: 'merge', format: 'csv', csv: 'code,fruit\nVNORC-1,durian\n' })).json().errors[0]).toMatchObject({ code: 'header' });
    expect((await importCodes({ mode: 'merge', format: 'json' })).json().errors[0]).toMatchObject({ path: '/codes', code: 'required' });
    expect(await databaseFingerprint(kit.t.db, ['sessions'])).toEqual(before);
  });

  it('a merged import is a new version; trips declared after it pass with the new code', async () => {
    const res = await importCodes({ mode: 'merge', format: 'csv', csv: 'kind,code,fruit,holder,province\npuc,vnorc-0555,durian,"HTX Sầu riêng A, Đắk Lắk",Đắk Lắk\n' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, mode: 'merge', current: true, counts: { puc: 9, phc: 8 } });
    const found = (await kit.req('GET', '/api/v1/clearance/approved-codes?q=0555', 'haiquan.tralinh')).json();
    expect(found).toMatchObject({ version: 2, total: 1, items: [{ kind: 'puc', code: 'VNORC-0555', fruit: 'durian', holder: 'HTX Sầu riêng A, Đắk Lắk' }] });
    const trip = await declare(kit, { cargoLines: [durianLine({ growingAreaCode: 'VNORC-0555' })], documents: [CUSTOMS_DECLARATION, PHYTO] });
    expect(trip.clearanceStatus).toBe('cleared');

    const replaced = await importCodes({ mode: 'replace', format: 'json', codes: [{ kind: 'puc', code: 'VNORC-0123', fruit: 'durian' }, { kind: 'phc', code: 'VNPHC-0456', fruit: 'durian' }] });
    expect(replaced.json()).toMatchObject({ version: 3, counts: { puc: 1, phc: 1 } });
    const versions = (await kit.req('GET', '/api/v1/clearance/approved-codes/versions', 'kdtv.tralinh')).json();
    expect(versions.items.map((v: { version: number; current: boolean }) => [v.version, v.current])).toEqual([[3, true], [2, false], [1, false]]);
    const later = await declare(kit, { cargoLines: [durianLine({ growingAreaCode: 'VNORC-0555' })], documents: [CUSTOMS_DECLARATION, PHYTO] });
    expect(later.clearanceStatus).toBe('pending');
  });

  it('worklist: perishable first, then the longest waiting; filters by channel, perishable, waiting time and status', async () => {
    await publish(kit, quietRules({ rules: [{ id: 'T-ALL-YELLOW', channel: 'yellow', when: { directions: ['export'] }, description: { vi: 'Vàng', en: 'Yellow' } }] }));
    const day = { plannedDate: '2027-03-05' };
    const furniture = await declare(kit, { ...day, cargoLines: [furnitureLine()] });
    kit.clock.advance(20 * 60_000);
    const durianA = await declare(kit, { ...day, documents: [CUSTOMS_DECLARATION, PHYTO] });
    kit.clock.advance(20 * 60_000);
    const durianB = await declare(kit, { ...day, documents: [CUSTOMS_DECLARATION, PHYTO] });
    kit.clock.advance(5 * 60_000);
    const list = async (query: string) =>
      (await kit.req('GET', `/api/v1/clearance/worklist?plannedDate=2027-03-05${query}`, 'haiquan.tralinh')).json() as { total: number; items: Array<{ tripId: string; waitingMinutes: number; perishable: boolean; kind: string }> };
    const all = await list('');
    expect(all.items.map((i) => i.tripId)).toEqual([durianA.id, durianB.id, furniture.id]);
    expect(all.items.map((i) => i.waitingMinutes)).toEqual([25, 5, 45]);
    expect(all.items.every((i) => i.kind === 'customs')).toBe(true);
    expect((await list('&perishable=false')).items.map((i) => i.tripId)).toEqual([furniture.id]);
    expect((await list('&minWaitMinutes=20')).items.map((i) => i.tripId)).toEqual([durianA.id, furniture.id]);
    expect((await list('&channel=green')).total).toBe(0);
    expect((await list(`&q=${durianB.reference.slice(-6)}`)).items.map((i) => i.tripId)).toEqual([durianB.id]);
    expect((await list('&limit=1&offset=1')).items.map((i) => i.tripId)).toEqual([durianB.id]);
    // Plant quarantine sees its own controls; passed ones only when asking for them.
    const plant = (await kit.req('GET', '/api/v1/clearance/worklist?plannedDate=2027-03-05', 'kdtv.tralinh')).json();
    expect(plant.items.map((i: { tripId: string; kind: string }) => [i.tripId, i.kind])).toEqual([[durianA.id, 'plant_quarantine'], [durianB.id, 'plant_quarantine']]);
    const border = (await kit.req('GET', '/api/v1/clearance/worklist?plannedDate=2027-03-05&status=passed', 'bienphong.tralinh')).json();
    expect(border.total).toBe(3);
    // The gate authority sees every agency at its gates.
    const authority = (await kit.req('GET', '/api/v1/clearance/worklist?plannedDate=2027-03-05&status=all', 'bql.tralinh')).json();
    expect(authority.total).toBe(8);
  });
});
