import type { FeeItem, FeeQuote } from '../fees/fees.schemas';
import { localParts } from '../gates/calendar';
import { VN_TIME_ZONE } from '../trips/time';
import { field, newDocument, toBuffer, vnd } from './pdf';

// The receipt of a confirmed charge: numbered per year without gaps, with the fee items and the
// legal basis they are charged under.

export interface ReceiptData {
  receiptNumber: string;
  confirmedAt: Date;
  amount: number;
  purpose: string;
  providerReference: string | null;
  payerAccountMasked: string | null;
  enterprise: { name: string; taxCode: string };
  trip: { reference: string; gateName: string | null; plannedDate: string | null; plate: string | null };
  quote: FeeQuote | null;
}

function itemLine(item: FeeItem): string {
  const quantity = item.basis === 'per_tonne' ? `${item.quantity} t` : item.basis === 'per_m3' ? `${item.quantity} m³` : `${item.quantity}`;
  return `${item.descriptionVi}\n${quantity} × ${vnd(item.unitRate)} = ${vnd(item.amount)}   (${item.legalBasis})`;
}

export async function receiptPdf(r: ReceiptData): Promise<Buffer> {
  const doc = newDocument(`Biên lai ${r.receiptNumber}`, r.confirmedAt);
  const when = localParts(r.confirmedAt, VN_TIME_ZONE);
  doc.font('bold').fontSize(16).text('BIÊN LAI THU PHÍ', { align: 'center' });
  doc.font('body').fontSize(10).text('Fee receipt – Phí sử dụng công trình kết cấu hạ tầng khu vực cửa khẩu', { align: 'center' });
  doc.moveDown(0.5).font('bold').fontSize(12).text(`Số: ${r.receiptNumber}`, { align: 'center' });
  doc.moveDown(1);
  field(doc, 'Ngày thu / Date', `${when.date} ${when.time} (giờ Việt Nam)`);
  field(doc, 'Đơn vị nộp / Payer', `${r.enterprise.name} – MST ${r.enterprise.taxCode}`);
  field(doc, 'Chuyến xe / Trip', r.trip.reference);
  field(doc, 'Cửa khẩu / Gate', r.trip.gateName ?? '—');
  field(doc, 'Ngày qua cửa khẩu / Crossing date', r.trip.plannedDate ?? '—');
  field(doc, 'Biển số / Plate', r.trip.plate ?? '—');
  field(doc, 'Tài khoản / Account', r.payerAccountMasked ?? '—');
  field(doc, 'Mã giao dịch / Bank reference', r.providerReference ?? '—');
  doc.moveDown(0.8);
  doc.font('bold').fontSize(11).text('Khoản thu / Items', 50);
  doc.moveDown(0.3);
  if (r.purpose === 'settlement') {
    doc.font('body').fontSize(10).text('Thu bổ sung do sửa tờ khai sau khi đã nộp phí (Settlement of an amendment after payment)');
  } else if (r.quote && r.quote.items.length > 0) {
    for (const item of r.quote.items) doc.font('body').fontSize(10).text(itemLine(item)).moveDown(0.3);
  }
  doc.moveDown(0.5).font('bold').fontSize(12).text(`Tổng cộng / Total: ${vnd(r.amount)}`, { align: 'right' });
  if (r.quote) {
    doc.moveDown(1).font('body').fontSize(9).fillColor('#333');
    doc.text(`Căn cứ pháp lý / Legal basis: ${r.quote.legalBasis.number} – ${r.quote.legalBasis.titleVi} (${r.quote.legalBasis.issuedBy}, hiệu lực từ ${r.quote.effectiveFrom}).`);
  }
  doc.moveDown(2).fontSize(8).fillColor('#666').text('Biên lai điện tử do Cửa khẩu số lập; đối chiếu tại /api/v1/payments/{id}.', { align: 'center' });
  return toBuffer(doc);
}
