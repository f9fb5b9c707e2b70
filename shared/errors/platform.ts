import type { ErrorCatalog } from './types';

export const platformErrors = {
  'request.invalid': { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request is not valid.' },
  'request.malformed_json': { status: 400, vi: 'Nội dung JSON bị lỗi cú pháp.', en: 'The JSON body is malformed.' },
  'request.unsupported_media_type': { status: 415, vi: 'Kiểu nội dung không được hỗ trợ; hãy gửi application/json.', en: 'Unsupported content type; send application/json.' },
  'request.body_too_large': { status: 413, vi: 'Nội dung gửi lên quá lớn.', en: 'The request body is too large.' },
  'request.route_not_found': { status: 404, vi: 'Không có địa chỉ này.', en: 'No such route.' },
  'request.method_not_allowed': { status: 405, vi: 'Phương thức không được phép.', en: 'Method not allowed.' },
  'idempotency.key_reused': { status: 422, vi: 'Khóa Idempotency-Key đã được dùng cho một yêu cầu khác.', en: 'This Idempotency-Key was already used for a different request.' },
  'idempotency.in_progress': { status: 409, vi: 'Yêu cầu với khóa này đang được xử lý; hãy thử lại sau.', en: 'A request with this key is still being processed; retry later.' },
  'server.internal': { status: 500, vi: 'Lỗi hệ thống. Mã yêu cầu đã được ghi lại.', en: 'Internal error. The request id has been logged.' },
  'server.database_unavailable': { status: 503, vi: 'Cơ sở dữ liệu tạm thời không sẵn sàng; chưa có gì được ghi.', en: 'The database is temporarily unavailable; nothing was written.' },
} as const satisfies ErrorCatalog;
