import type { ErrorCatalog } from './types';

// Errors of the operations capability: live board, public congestion feed, webhooks.
export const operationsErrors = {
  'operations.gate_not_found': { status: 404, vi: 'Không có cửa khẩu này.', en: 'There is no such gate.' },
  'operations.province_out_of_scope': {
    status: 403,
    vi: 'Bạn chỉ xem được bảng điều hành của tỉnh mình.',
    en: 'You may only see the board of your own province.',
  },
  'operations.rate_limited': {
    status: 429,
    vi: 'Quá nhiều yêu cầu; hãy thử lại sau ít phút.',
    en: 'Too many requests; try again in a little while.',
  },
  'webhooks.not_found': { status: 404, vi: 'Không tìm thấy địa chỉ nhận webhook.', en: 'Webhook endpoint not found.' },
  'webhooks.delivery_not_found': { status: 404, vi: 'Không tìm thấy lần gửi webhook.', en: 'Webhook delivery not found.' },
  'webhooks.url_invalid': {
    status: 422,
    vi: 'Địa chỉ webhook phải là http(s) công khai, không chứa tên đăng nhập hay mật khẩu.',
    en: 'A webhook URL must be a public http(s) address without user name or password.',
  },
  'webhooks.url_not_allowed': {
    status: 422,
    vi: 'Địa chỉ webhook trỏ tới mạng nội bộ hoặc máy không nằm trong danh sách cho phép.',
    en: 'The webhook URL points to a private network or to a host that is not on the allow-list.',
  },
  'webhooks.enterprise_required': { status: 422, vi: 'Cần chọn doanh nghiệp sở hữu địa chỉ webhook.', en: 'Choose the enterprise the endpoint belongs to.' },
  'webhooks.event_type_unknown': { status: 422, vi: 'Loại sự kiện không được hỗ trợ.', en: 'Unknown event type.' },
  'webhooks.duplicate_url': {
    status: 409,
    vi: 'Doanh nghiệp đã đăng ký địa chỉ này.',
    en: 'Your enterprise has already registered this URL.',
  },
  'webhooks.version_conflict': {
    status: 409,
    vi: 'Địa chỉ webhook đã được người khác sửa; hãy tải lại.',
    en: 'Someone else changed this endpoint; reload it.',
  },
  'webhooks.delivery_in_progress': {
    status: 409,
    vi: 'Lần gửi này đang được thực hiện; hãy thử lại sau.',
    en: 'This delivery is being sent right now; try again later.',
  },
  'webhooks.endpoint_inactive': {
    status: 409,
    vi: 'Địa chỉ webhook đã bị tắt; hãy bật lại trước khi gửi lại.',
    en: 'The endpoint is disabled; enable it before redelivering.',
  },
} as const satisfies ErrorCatalog;
