import type { ErrorCatalog } from './types';

// Errors of the capacity capability. capacity.window_full and capacity.no_capacity carry the
// nearest free windows (`alternatives`) and, in `errors`, one entry (/window or /plannedDate)
// the declaration form shows next to its field. Both are 422 (a capacity rule refuses the
// declaration), so they travel in the same problem shape as the declaration checks.
export const capacityErrors = {
  'capacity.window_full': {
    status: 422,
    vi: 'Khung giờ đã chọn đã hết chỗ qua cửa khẩu; hãy chọn một khung giờ còn chỗ.',
    en: 'The chosen crossing window is fully booked; choose a window with room.',
  },
  'capacity.no_capacity': {
    status: 422,
    vi: 'Cửa khẩu không nhận xe qua theo chiều này vào ngày đã chọn; hãy chọn ngày khác.',
    en: 'The gate takes no crossings in this direction on the chosen day; choose another day.',
  },
  'capacity.fruit_only': {
    status: 422,
    vi: 'Ngày này chỉ nhận đặt chỗ cho xe chở trái cây tươi.',
    en: 'On that day only trucks carrying fresh fruit may book a crossing window.',
  },
  'capacity.version_conflict': {
    status: 409,
    vi: 'Năng lực thông quan đã được người khác thay đổi; hãy tải lại trước khi sửa.',
    en: 'Someone else changed the crossing capacity; reload it before editing.',
  },
  'capacity.date_in_past': { status: 422, vi: 'Không thể sửa năng lực của ngày đã qua.', en: 'The capacity of a past day cannot be changed.' },
  'capacity.invalid_hours': {
    status: 422,
    vi: 'Danh sách giờ không hợp lệ: mỗi giờ chỉ được khai một lần.',
    en: 'The list of hours is not valid: each hour may appear only once.',
  },
} as const satisfies ErrorCatalog;
