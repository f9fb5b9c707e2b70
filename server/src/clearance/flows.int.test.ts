import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../../test/harness';
import { pay, type Kit } from '../trips/__fixtures__/trips.testkit';
import {
  controlOf, CUSTOMS_DECLARATION, decide, decided, declare, domainEvents, enterpriseView, officerView, PDF_BASE64, perishableIn, PHYTO, publish, quietRules, startClearanceKit, timeline,
} from './__fixtures__/clearance.testkit';

// The whole path of a trip through clearance: decided before arrival in the green lane with no
// human; yellow with documents asked and answered in place; red with a bay and slot assigned,
// the inspection and its result; a refusal that ends the trip and gives its window back.

describe.each(dbKinds())('clearance flows on %s', (kind) => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startClearanceKit(kind);
  });
  afterAll(async () => kit?.t.close());

  const outbox = (recipient: string) => kit.t.db.selectFrom('notification_outbox').select(['body', 'kind']).where('recipient', '=', recipient).orderBy('created_at').execute();
  const noticesOf = (username: string) =>
    kit.t.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id').select(['kind', 'title_vi', 'body_vi', 'entity_id']).where('users.username', '=', username).execute();

  it('green lane: submitted, selected and cleared before arrival with no human', async () => {
    const version = await publish(kit, quietRules());
    const trip = await declare(kit, { documents: [CUSTOMS_DECLARATION, PHYTO] });
    expect(trip.clearanceStatus).toBe('cleared');
    const view = await officerView(kit, trip.id);
    expect(view.controls.map((c) => [c.kind, c.status, c.decision?.outcome, c.decision?.byLabel])).toEqual([
      ['border_control', 'passed', 'auto_pass', 'system: green lane'],
      ['customs', 'passed', 'auto_pass', 'system: green lane'],
      ['plant_quarantine', 'passed', 'auto_pass', 'system: green lane'],
    ]);
    expect(view.selection).toMatchObject({ channel: 'green', ruleSetVersion: version, stage: 'default', current: true });
    expect(view.events.every((e) => e.actorLabel.startsWith('system:'))).toBe(true);
    const events = await domainEvents(kit, trip.id);
    const decidedEvents = events.filter((e) => e.type === 'clearance.decided');
    expect(decidedEvents.map((e) => (e.payload as { outcome: string }).outcome)).toEqual(['auto_pass', 'auto_pass', 'auto_pass']);
    expect(decidedEvents[0].payload).toMatchObject({ enterpriseId: trip.enterpriseId, waitedSeconds: 0 });
    expect(events.map((e) => e.type)).toContain('clearance.cleared');
    expect(events.find((e) => e.type === 'clearance.cleared')).toMatchObject({ gate_id: 'tra-linh', direction: 'export' });
    expect(await timeline(kit, trip.id)).toContain('clearance_cleared');
    const ent = await enterpriseView(kit, trip.id);
    expect(ent).toMatchObject({ clearanceStatus: 'cleared', counts: { done: 3, pending: 0, blocking: 0 }, canAnswer: false });
    expect(ent.instructions.map((i) => i.kind)).toEqual(['cleared']);
    expect((await noticesOf('dn.nongsan')).some((n) => n.kind === 'clearance.cleared' && n.entity_id === trip.id)).toBe(true);
    expect((await outbox('+84 912 000 111')).some((m) => m.kind === 'clearance.cleared' && m.body.includes(trip.reference))).toBe(true);
  });

  it('yellow: customs asks for documents, the enterprise answers in place, customs and plant quarantine pass', async () => {
    await publish(kit, perishableIn('yellow'));
    const trip = await declare(kit, { documents: [CUSTOMS_DECLARATION, PHYTO] });
    let view = await officerView(kit, trip.id);
    const customs = controlOf(view, 'customs');
    expect(customs).toMatchObject({ status: 'pending', channel: 'yellow', allowedOutcomes: ['pass', 'request_documents', 'inspect', 'refuse'] });
    expect(view.selection?.firedRule?.id).toBe('T-YELLOW');
    // Plant quarantine passes automatically only in the green lane: it waits for its officer.
    expect(controlOf(view, 'plant_quarantine').status).toBe('pending');
    expect(controlOf(view, 'plant_quarantine').allowedOutcomes).toEqual([]);
    expect(trip.clearanceStatus).toBe('pending');

    view = await decided(kit, 'haiquan.tralinh', customs.id, {
      outcome: 'request_documents',
      version: customs.version,
      message: 'Bổ sung hóa đơn thương mại',
      items: [{ kind: 'commercial_invoice', description: 'Hóa đơn thương mại có chữ ký' }],
    });
    expect(view.trip.clearanceStatus).toBe('held');
    const open = await kit.req('GET', '/api/v1/clearance/worklist', 'haiquan.tralinh');
    expect(open.json().items.map((i: { tripId: string }) => i.tripId)).not.toContain(trip.id);
    let ent = await enterpriseView(kit, trip.id);
    const asked = ent.controls.find((c) => c.kind === 'customs')!;
    expect(asked).toMatchObject({ state: 'blocking', status: 'documents_requested', requests: [{ message: 'Bổ sung hóa đơn thương mại', answeredAt: null }] });
    expect(ent.canAnswer).toBe(true);
    expect(ent.instructions.map((i) => i.kind)).toEqual(['documents_requested']);
    expect((await noticesOf('dn.nongsan')).some((n) => n.kind === 'clearance.documents_requested' && n.body_vi.includes('Bổ sung hóa đơn'))).toBe(true);

    const file = await kit.req('POST', `/api/v1/trips/${trip.id}/files`, 'dn.nongsan', { fileName: 'hoa-don.pdf', contentType: 'application/pdf', contentBase64: PDF_BASE64 });
    expect(file.statusCode).toBe(201);
    const requestId = asked.requests[0].id;
    const foreign = await kit.req('POST', `/api/v1/trips/${trip.id}/clearance/requests/${requestId}/answer`, 'dn.nongsan', {
      message: 'Gửi hóa đơn',
      documents: [{ kind: 'commercial_invoice', number: 'HD-1', fileId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0].path).toBe('/documents/0/fileId');
    const answer = await kit.req('POST', `/api/v1/trips/${trip.id}/clearance/requests/${requestId}/answer`, 'dn.nongsan', {
      message: 'Đã bổ sung hóa đơn số HD-2027-015',
      documents: [{ kind: 'commercial_invoice', number: 'HD-2027-015', fileId: file.json().id }],
    });
    expect(answer.statusCode).toBe(200);
    ent = answer.json();
    expect(ent.controls.find((c) => c.kind === 'customs')).toMatchObject({ status: 'pending', requests: [{ answer: { documents: [{ number: 'HD-2027-015', fileId: file.json().id }] } }] });
    const again = await kit.req('POST', `/api/v1/trips/${trip.id}/clearance/requests/${requestId}/answer`, 'dn.nongsan', { message: 'Lần nữa', documents: [] });
    expect(again.json().code).toBe('clearance.request_answered');
    const back = (await kit.req('GET', '/api/v1/clearance/worklist', 'haiquan.tralinh')).json().items.find((i: { tripId: string }) => i.tripId === trip.id);
    expect(back).toMatchObject({ status: 'pending', answered: true, channel: 'yellow' });
    expect((await noticesOf('haiquan.tralinh')).some((n) => n.kind === 'clearance.answered')).toBe(true);

    view = await officerView(kit, trip.id);
    view = await decided(kit, 'haiquan.tralinh', customs.id, { outcome: 'pass', version: controlOf(view, 'customs').version, note: 'Hồ sơ đầy đủ' });
    expect(view.trip.clearanceStatus).toBe('pending');
    view = await decided(kit, 'kdtv.tralinh', controlOf(view, 'plant_quarantine').id, { outcome: 'pass', version: controlOf(view, 'plant_quarantine').version });
    expect(view.trip.clearanceStatus).toBe('cleared');
    expect(controlOf(view, 'customs').decision).toMatchObject({ outcome: 'pass', byLabel: 'haiquan.tralinh', note: 'Hồ sơ đầy đủ' });
    const actions = await timeline(kit, trip.id);
    expect(actions.filter((a) => a.startsWith('clearance_'))).toEqual(['clearance_held', 'clearance_pending', 'clearance_cleared']);
  });

  it('an officer who decides without waiting for the documents withdraws the request', async () => {
    await publish(kit, perishableIn('yellow'));
    const trip = await declare(kit, { plannedDate: '2027-03-05', documents: [CUSTOMS_DECLARATION] });
    let customs = controlOf(await officerView(kit, trip.id), 'customs');
    customs = controlOf(await decided(kit, 'haiquan.tralinh', customs.id, { outcome: 'request_documents', version: customs.version, message: 'Bổ sung C/O', items: [{ kind: 'certificate_of_origin_form_e', description: 'C/O mẫu E' }] }), 'customs');
    customs = controlOf(await decided(kit, 'haiquan.tralinh', customs.id, { outcome: 'inspect', version: customs.version }), 'customs');
    expect(customs.requests[0]).toMatchObject({ answer: { message: expect.stringContaining('Withdrawn: inspect') } });
    const ent = await enterpriseView(kit, trip.id);
    expect(ent.canAnswer).toBe(false);
    expect(ent.instructions.map((i) => i.kind)).toEqual(['inspection']);
  });

  it('red: inspection only, a bay and slot assigned by capacity, the driver told where to go, then the result', async () => {
    await publish(kit, perishableIn('red'));
    const trip = await declare(kit, { documents: [CUSTOMS_DECLARATION, PHYTO] }, { phone: '+84 912 000 222' });
    let view = await officerView(kit, trip.id);
    const customs = controlOf(view, 'customs');
    expect(customs).toMatchObject({ channel: 'red', allowedOutcomes: ['request_documents', 'inspect', 'refuse'] });
    const direct = await decide(kit, 'haiquan.tralinh', customs.id, { outcome: 'pass', version: customs.version });
    expect(direct.statusCode).toBe(409);
    expect(direct.json()).toMatchObject({ code: 'clearance.invalid_transition', allowedActions: ['request_documents', 'inspect', 'refuse'] });

    view = await decided(kit, 'haiquan.tralinh', customs.id, { outcome: 'inspect', version: customs.version, note: 'Kiểm tra thực tế 100%' });
    const inspected = controlOf(view, 'customs');
    // The truck's window opens at 08:00 on the crossing day: the joint bay's 08:00 slot is the first free one.
    expect(inspected).toMatchObject({ status: 'inspection', allowedOutcomes: ['pass', 'refuse'], inspection: { bayId: 'tra-linh-kt1', status: 'scheduled', slotStart: '2027-03-03T01:00:00.000Z' } });
    expect(view.trip.clearanceStatus).toBe('held');
    const ent = await enterpriseView(kit, trip.id);
    expect(ent.instructions).toEqual([expect.objectContaining({ kind: 'inspection', at: '2027-03-03T01:00:00.000Z', place: 'Khu kiểm tra số 1 (liên ngành)' })]);
    expect(ent.instructions[0].zh).toContain('1号查验区');
    const sms = await outbox('+84 912 000 222');
    expect(sms.some((m) => m.kind === 'clearance.inspection' && m.body.includes('08:00 03/03/2027') && m.body.includes('Khu kiểm tra số 1'))).toBe(true);
    const worklist = (await kit.req('GET', '/api/v1/clearance/worklist?channel=red', 'haiquan.tralinh')).json();
    expect(worklist.items.find((i: { tripId: string }) => i.tripId === trip.id)).toMatchObject({ status: 'inspection', inspection: { bayId: 'tra-linh-kt1' } });
    const bays = (await kit.req('GET', '/api/v1/clearance/inspection-bays?gateId=tra-linh&date=2027-03-03', 'haiquan.tralinh')).json();
    expect(bays.items.find((b: { id: string }) => b.id === 'tra-linh-kt1')).toMatchObject({ booked: 1, capacityPerDay: 38 });

    view = await decided(kit, 'haiquan.tralinh', customs.id, { outcome: 'pass', version: inspected.version, note: 'Hàng đúng khai báo' });
    expect(controlOf(view, 'customs')).toMatchObject({ status: 'passed', inspection: { status: 'passed', resultNote: 'Hàng đúng khai báo' } });
    expect(view.events.filter((e) => e.kind === 'customs').map((e) => e.action)).toEqual(['derived', 'selected', 'inspect', 'inspection_pass']);
    view = await decided(kit, 'kdtv.tralinh', controlOf(view, 'plant_quarantine').id, { outcome: 'pass', version: controlOf(view, 'plant_quarantine').version });
    expect(view.trip.clearanceStatus).toBe('cleared');
  });

  it('refusal: the trip is refused with its legal basis, its pass revoked, its window released, the rest closed', async () => {
    await publish(kit, quietRules());
    const submitted = await declare(kit, { documents: [CUSTOMS_DECLARATION] });
    const trip = await pay(kit, submitted.id);
    expect(trip.status).toBe('paid');
    let view = await officerView(kit, trip.id, 'kdtv.tralinh');
    const plant = controlOf(view, 'plant_quarantine');
    const missing = await decide(kit, 'kdtv.tralinh', plant.id, { outcome: 'refuse', version: plant.version });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual(['/legalBasisId', '/reason']);
    const customsBasis = await decide(kit, 'kdtv.tralinh', plant.id, { outcome: 'refuse', version: plant.version, legalBasisId: 'customs-false-declaration', reason: 'Không đúng' });
    expect(customsBasis.json().code).toBe('clearance.legal_basis_unknown');

    view = await decided(kit, 'kdtv.tralinh', plant.id, { outcome: 'refuse', version: plant.version, legalBasisId: 'plant-quarantine-pest', reason: 'Phát hiện ruồi đục quả' });
    expect(view.trip).toMatchObject({ status: 'refused', clearanceStatus: 'refused' });
    expect(controlOf(view, 'plant_quarantine').decision).toMatchObject({ outcome: 'refuse', legalBasis: { id: 'plant-quarantine-pest' } });
    const tripNow = (await kit.req('GET', `/api/v1/trips/${trip.id}`, 'dn.nongsan')).json();
    expect(tripNow).toMatchObject({ status: 'refused', pass: { status: 'revoked' }, allowedActions: [] });
    const booking = await kit.t.db.selectFrom('crossing_bookings').select('status').where('trip_id', '=', trip.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(booking.status).toBe('released');
    const ent = await enterpriseView(kit, trip.id);
    expect(ent.controls.find((c) => c.kind === 'plant_quarantine')?.refusal).toMatchObject({ reason: 'Phát hiện ruồi đục quả', legalBasis: { id: 'plant-quarantine-pest' } });
    expect(ent.instructions[0]).toMatchObject({ kind: 'refused' });
    expect(ent.instructions[0].vi).toContain('khử trùng');
    expect((await timeline(kit, trip.id)).slice(-2)).toEqual(['clearance_refused', 'refused']);
    expect((await domainEvents(kit, trip.id)).map((e) => e.type)).toEqual(expect.arrayContaining(['clearance.refused', 'clearance.decided']));
    // Nothing is left to decide on a refused trip.
    const after = await decide(kit, 'bienphong.tralinh', controlOf(view, 'border_control').id, { outcome: 'pass', version: controlOf(view, 'border_control').version });
    expect(after.statusCode).toBe(409);
  });
});
