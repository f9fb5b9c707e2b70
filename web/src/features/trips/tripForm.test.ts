import { describe, expect, it } from 'vitest';
import type { Trip } from './api';
import { emptyDocument, emptyForm, emptyLine, fieldsFromForm, formFromTrip, pruneBlank, quoteRequestFromForm, rememberFrom, totalWeightKg, type TripForm } from './tripForm';

const gate = { id: 'tra-linh', province: 'CB' };
const vehicle = { tonnageCapacity: 15, axles: 3 };

function filled(): TripForm {
  const f = emptyForm({ gateId: 'tra-linh', vehicleId: 'v1', driverId: 'd1', windowFrom: '08:00', windowTo: '10:00' });
  f.plannedDate = '2027-03-10';
  f.cargoLines = [
    { ...emptyLine(), hsCode: '0810.90.10', description: 'Vải tươi', packages: '400', packageKind: 'sọt', quantity: '8000', unit: 'kgm', grossWeightKg: '8400', declaredValue: '12000', currency: 'usd', origin: 'vn', perishable: true, growingAreaCode: ' vnorc-0123 ' },
    { ...emptyLine(), hsCode: '0810', grossWeightKg: '100' },
  ];
  return f;
}

describe('the declaration form', () => {
  it('sends what was typed, cleaned: numbers as numbers, codes upper case, empty inputs absent or null', () => {
    const fields = fieldsFromForm(filled());
    expect(fields).toMatchObject({ direction: 'export', gateId: 'tra-linh', plannedDate: '2027-03-10', window: { from: '08:00', to: '10:00' }, vehicleId: 'v1', driverId: 'd1', notes: null });
    expect(fields.cargoLines![0]).toMatchObject({ hsCode: '0810.90.10', packages: 400, quantity: 8000, unit: 'KGM', grossWeightKg: 8400, declaredValue: 12000, currency: 'USD', origin: 'VN', perishable: true, growingAreaCode: 'VNORC-0123', packingHouseCode: null });
    expect(fields.cargoLines![1]).not.toHaveProperty('description');
    expect(fields.cargoLines![1]).not.toHaveProperty('declaredValue');
  });

  it('lets a draft be incomplete: no window unless both ends are given', () => {
    const f = emptyForm();
    f.windowFrom = '08:00';
    const fields = fieldsFromForm(f);
    expect(fields.window).toBeNull();
    expect(fields.gateId).toBeNull();
    expect(fields.plannedDate).toBeNull();
  });

  it('prices only the lines complete enough for the tariff, and says what is missing', () => {
    const quote = quoteRequestFromForm(filled(), gate, vehicle, '2027-03-01');
    expect(quote.ok).toBe(true);
    if (!quote.ok) return;
    expect(quote.request).toMatchObject({ province: 'CB', gateId: 'tra-linh', date: '2027-03-10', regime: 'export', vehicle: { grossTonnageCapacity: 15, axles: 3 } });
    expect(quote.request.cargoLines).toHaveLength(1);
    expect(quoteRequestFromForm(emptyForm(), null, null, '2027-03-01')).toEqual({ ok: false, missing: ['gate', 'vehicle', 'cargo'] });
    const noDate = { ...filled(), plannedDate: '' };
    const q2 = quoteRequestFromForm(noDate, gate, vehicle, '2027-03-01');
    expect(q2.ok && q2.request.date).toBe('2027-03-01');
  });

  it('prices an empty return without cargo lines', () => {
    const f = { ...emptyForm(), direction: 'empty_return' as const, cargoLines: [] };
    expect(quoteRequestFromForm(f, gate, vehicle, '2027-03-01').ok).toBe(true);
  });

  it('drops the rows left empty before saving, so row numbers match the server\'s error paths', () => {
    const f = filled();
    f.documents = [emptyDocument(), { ...emptyDocument('certificate_of_origin_form_e'), number: 'VN-CN 26/11/0151800' }];
    f.containers = [{ number: ' ', size: '40', sealNumber: '' }];
    const pruned = pruneBlank(f);
    expect(pruned.documents.map((d) => d.kind)).toEqual(['certificate_of_origin_form_e']);
    expect(pruned.containers).toEqual([]);
    expect(pruned.cargoLines).toHaveLength(2);
    expect(fieldsFromForm(pruned).documents).toEqual([{ kind: 'certificate_of_origin_form_e', number: 'VN-CN 26/11/0151800', issuedOn: null, expiresOn: null, fileId: null, note: null }]);
    // An empty return keeps no untouched default line.
    expect(pruneBlank({ ...emptyForm(), direction: 'empty_return' }).cargoLines).toEqual([]);
  });

  it('adds up the gross weight of the lines', () => {
    expect(totalWeightKg(filled())).toBe(8500);
  });

  it('copies a previous trip without its date, seals or documents, and remembers the habits', () => {
    const trip = {
      direction: 'export', gateId: 'tra-linh', plannedDate: '2027-01-05', window: { from: '07:00', to: '09:00' },
      vehicle: { id: 'v1' }, driver: { id: 'd1' },
      containers: [{ number: 'MSCU1234565', size: '40', sealNumber: 'S1' }],
      cargoLines: [{ index: 0, hsCode: '081090', hsDescription: 'Fruit', description: 'Vải', packages: 10, packageKind: null, quantity: 100, unit: 'KGM', grossWeightKg: 110, volumeM3: null, declaredValue: 50, currency: 'USD', origin: 'VN', perishable: true, goodsCategory: null, taxableImport: null, growingAreaCode: 'VNORC-1', packingHouseCode: null }],
      documents: [{ kind: 'customs_declaration', number: '1234', issuedOn: null, expiresOn: null, fileId: null, note: null }],
      options: { disinfection: true }, notes: 'x',
    } as unknown as Trip;
    const copy = formFromTrip(trip, true);
    expect(copy).toMatchObject({ direction: 'export', gateId: 'tra-linh', plannedDate: '', windowFrom: '07:00', vehicleId: 'v1', driverId: 'd1', documents: [], notes: '' });
    expect(copy.containers[0]).toEqual({ number: 'MSCU1234565', size: '40', sealNumber: '' });
    expect(copy.cargoLines[0]).toMatchObject({ hsCode: '081090', packages: '10', grossWeightKg: '110', perishable: true, taxableImport: '' });
    expect(formFromTrip(trip).documents).toHaveLength(1);
    expect(rememberFrom(copy)).toMatchObject({ gateId: 'tra-linh', vehicleId: 'v1', driverId: 'd1', currency: 'USD', origin: 'VN' });
  });
});
