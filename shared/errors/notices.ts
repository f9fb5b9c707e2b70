import type { ErrorCatalog } from './types';

// Errors of the notices capability. Codes with status 422 that name one field problem also
// appear inside the `errors` list of a notices.invalid answer.
export const noticesErrors = {
  'notices.not_found': { status: 404, vi: 'Không tìm thấy thông báo.', en: 'Notice not found.' },
  'notices.version_conflict': { status: 409, vi: 'Thông báo đã được người khác sửa; hãy tải lại.', en: 'Someone else changed this notice; reload it.' },
  'notices.invalid_transition': { status: 409, vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của thông báo.', en: 'This action is not allowed in the notice’s current status.' },
  'notices.invalid': { status: 422, vi: 'Thông báo chưa hợp lệ; xem danh sách lỗi.', en: 'The notice is not valid; see the list of errors.' },
  'notices.translation_missing': { status: 422, vi: 'Cần đủ tiêu đề và nội dung bằng tiếng Anh và tiếng Trung trước khi đăng.', en: 'The English and Chinese title and text are required before publishing.' },
  'notices.period_invalid': { status: 422, vi: 'Thời gian kết thúc phải sau thời gian bắt đầu, và thông báo không dài quá 366 ngày.', en: 'The period must end after it starts and last at most 366 days.' },
  'notices.period_over': { status: 422, vi: 'Thời gian áp dụng của thông báo đã qua.', en: 'The notice’s period is already over.' },
  'notices.unknown_gate': { status: 422, vi: 'Không có cửa khẩu này.', en: 'There is no such gate.' },
} as const satisfies ErrorCatalog;
