import type { ErrorCatalog } from './types';

export const gateErrors = {
  'gates.not_found': { status: 404, vi: 'Không tìm thấy cửa khẩu.', en: 'Gate not found.' },
  'gates.version_conflict': { status: 409, vi: 'Cửa khẩu đã được người khác cập nhật; hãy tải lại trước khi sửa.', en: 'The gate was updated by someone else; reload before editing.' },
  'gates.invalid_calendar': { status: 422, vi: 'Lịch làm việc không hợp lệ.', en: 'The operating calendar is not valid.' },
  'gates.invalid_change': { status: 422, vi: 'Thay đổi thông tin cửa khẩu không hợp lệ.', en: 'The gate change is not valid.' },
} as const satisfies ErrorCatalog;
