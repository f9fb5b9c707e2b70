import QRCode from 'qrcode';
import type { PassPayload } from '../../../shared/schemas/passes';
import { field, newDocument, toBuffer } from '../payments/pdf';

// The printable pass: the QR code with the signed token, and the facts it carries in words so a
// person can compare them with the truck, the driver and the documents.

export interface PassPdfData {
  token: string;
  payload: PassPayload;
  gateName: string;
  enterpriseName: string;
  driverName: string;
  validUntil: Date;
  issuedAt: Date;
}

export async function passPdf(d: PassPdfData): Promise<Buffer> {
  const doc = newDocument(`Thẻ qua cửa khẩu ${d.payload.ref}`, d.issuedAt);
  doc.font('bold').fontSize(16).text('THẺ QUA CỬA KHẨU', { align: 'center' });
  doc.font('body').fontSize(10).text('Gate pass – 口岸通行证', { align: 'center' });
  doc.moveDown(0.5).font('bold').fontSize(14).text(d.payload.ref, { align: 'center' });
  const qr = await QRCode.toBuffer(d.token, { errorCorrectionLevel: 'M', margin: 2, width: 260 });
  doc.image(qr, (595 - 220) / 2, doc.y + 10, { width: 220 });
  doc.y += 240;
  doc.moveDown(0.5);
  field(doc, 'Cửa khẩu / Gate', d.gateName);
  field(doc, 'Ngày, khung giờ / Date, window', `${d.payload.date} ${d.payload.from}–${d.payload.to}`);
  field(doc, 'Loại hình / Direction', d.payload.dir);
  field(doc, 'Biển số / Plate', d.payload.trl ? `${d.payload.plate} + ${d.payload.trl}` : d.payload.plate);
  field(doc, 'Lái xe / Driver', `${d.driverName} (${d.payload.nat}, ${d.payload.drv})`);
  field(doc, 'Doanh nghiệp / Enterprise', d.enterpriseName);
  field(doc, 'Số thẻ / Pass serial', String(d.payload.sn));
  field(doc, 'Hiệu lực đến / Valid until', d.validUntil.toISOString());
  doc.moveDown(1).font('body').fontSize(8).fillColor('#555').text(
    'Mã QR chứa tham chiếu đã ký số (Ed25519, khóa ' + d.payload.kid + '); kiểm tra ngoại tuyến bằng khóa công khai tại /api/v1/passes/keys. ' +
      'The QR code holds a signed reference; verify offline with the public keys at /api/v1/passes/keys.',
    { align: 'center' },
  );
  return toBuffer(doc);
}
