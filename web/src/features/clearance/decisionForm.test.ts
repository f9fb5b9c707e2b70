import { describe, expect, it } from 'vitest';
import type { LegalBasis } from '../../../../shared/schemas/clearance';
import { answerBody } from './answerBody';
import { basesFor, decisionBody, draftComplete, emptyDraft, toggleItem } from './decisionForm';

describe('decision bodies', () => {
  it('send only what the outcome takes, trimmed', () => {
    const draft = { ...emptyDraft('pass'), note: '  ok ', message: 'ignored', reason: 'ignored', bayId: 'b1', legalBasisId: 'x' };
    expect(decisionBody(draft, 4)).toEqual({ outcome: 'pass', version: 4, note: 'ok' });
    expect(decisionBody({ ...draft, note: '   ' }, 4)).toEqual({ outcome: 'pass', version: 4 });
    expect(decisionBody({ ...draft, outcome: 'inspect' }, 4)).toEqual({ outcome: 'inspect', version: 4, note: 'ok', bayId: 'b1' });
    expect(decisionBody({ ...draft, outcome: 'inspect', bayId: '' }, 4)).toEqual({ outcome: 'inspect', version: 4, note: 'ok' });
    expect(decisionBody({ ...draft, outcome: 'refuse', legalBasisId: 'plant-quarantine-pest', reason: ' Ruồi đục quả ' }, 4)).toEqual({
      outcome: 'refuse', version: 4, legalBasisId: 'plant-quarantine-pest', reason: 'Ruồi đục quả',
    });
  });

  it('ask for the documents described, leaving out empty lines', () => {
    const draft = { ...emptyDraft('request_documents'), message: ' Bổ sung hóa đơn ', items: [{ kind: 'commercial_invoice' as const, description: ' Hóa đơn có chữ ký ' }, { kind: 'other' as const, description: '  ' }] };
    expect(decisionBody(draft, 2)).toEqual({ outcome: 'request_documents', version: 2, message: 'Bổ sung hóa đơn', items: [{ kind: 'commercial_invoice', description: 'Hóa đơn có chữ ký' }] });
  });

  it('are complete only with what the server requires', () => {
    expect(draftComplete(emptyDraft('pass'))).toBe(true);
    expect(draftComplete(emptyDraft('inspect'))).toBe(true);
    const ask = emptyDraft('request_documents');
    expect(draftComplete({ ...ask, message: 'Gửi C/O' })).toBe(false);
    expect(draftComplete({ ...ask, message: 'Gửi C/O', items: [{ kind: 'other', description: ' ' }] })).toBe(false);
    expect(draftComplete({ ...ask, message: 'Gi', items: [{ kind: 'other', description: 'C/O' }] })).toBe(false);
    expect(draftComplete({ ...ask, message: 'Gửi C/O', items: [{ kind: 'other', description: 'C/O' }] })).toBe(true);
    const refuse = emptyDraft('refuse');
    expect(draftComplete({ ...refuse, reason: 'Sai khai báo' })).toBe(false);
    expect(draftComplete({ ...refuse, legalBasisId: 'x', reason: 'no' })).toBe(false);
    expect(draftComplete({ ...refuse, legalBasisId: 'x', reason: 'Sai khai báo' })).toBe(true);
  });

  it('tick and untick document kinds', () => {
    let items = toggleItem([], 'commercial_invoice', 'Hóa đơn');
    items = toggleItem(items, 'packing_list', 'Phiếu đóng gói');
    expect(items.map((i) => i.kind)).toEqual(['commercial_invoice', 'packing_list']);
    expect(toggleItem(items, 'commercial_invoice', 'x')).toEqual([{ kind: 'packing_list', description: 'Phiếu đóng gói' }]);
  });

  it('offer only the legal bases of the officer agency', () => {
    const t3 = { vi: 'a', en: 'a', zh: 'a' };
    const bases: LegalBasis[] = [
      { id: 'c', agencies: ['customs'], title: t3, whatNext: t3 },
      { id: 'p', agencies: ['plant_quarantine'], title: t3, whatNext: t3 },
      { id: 'both', agencies: ['customs', 'plant_quarantine'], title: t3, whatNext: t3 },
    ];
    expect(basesFor(bases, 'plant_quarantine').map((b) => b.id)).toEqual(['p', 'both']);
    expect(basesFor(bases, 'border_guard')).toEqual([]);
  });
});

describe('answers to a document request', () => {
  it('send the documents with a number, files and notes only when given', () => {
    const rows = [
      { kind: 'commercial_invoice' as const, number: ' HD-1 ', fileId: 'f1', fileName: 'a.pdf', note: '' },
      { kind: 'packing_list' as const, number: '', fileId: 'f2', fileName: 'b.pdf', note: 'x' },
      { kind: 'other' as const, number: 'X-2', fileId: '', fileName: '', note: ' bản sao ' },
    ];
    expect(answerBody(' Đã bổ sung ', rows)).toEqual({
      message: 'Đã bổ sung',
      documents: [{ kind: 'commercial_invoice', number: 'HD-1', fileId: 'f1' }, { kind: 'other', number: 'X-2', note: 'bản sao' }],
    });
  });
});
