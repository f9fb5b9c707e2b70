import type { ErrorCatalog } from './types';

// Errors of the yards capability: yards and rules, check-in, the queue, crossing steps, plate
// readings, flags, the driver page and offline sync.
export const yardsErrors = {
  'yards.not_found': { status: 404, vi: 'Không tìm thấy bãi xe.', en: 'Yard not found.' },
  'yards.duplicate_yard': { status: 409, vi: 'Đã có bãi xe với mã này.', en: 'A yard with this id already exists.' },
  'yards.version_conflict': { status: 409, vi: 'Dữ liệu đã được người khác cập nhật; hãy tải lại trước khi sửa.', en: 'Someone else changed this; reload before editing.' },
  'yards.invalid_rules': { status: 422, vi: 'Luồng ưu tiên hoặc quy tắc bãi không hợp lệ; xem danh sách lỗi.', en: 'The lanes or yard rules are not valid; see the list of errors.' },
  'yards.camera_in_use': { status: 409, vi: 'Mã camera đã thuộc một bãi khác.', en: 'This camera id belongs to another yard.' },
  'yards.unknown_camera': { status: 422, vi: 'Camera không được khai báo cho bãi này.', en: 'The camera is not registered for this yard.' },
  'yards.yard_inactive': { status: 422, vi: 'Bãi xe đang ngừng hoạt động.', en: 'The yard is not in use.' },
  'yards.time_in_future': { status: 422, vi: 'Thời điểm ghi nhận nằm trong tương lai; hãy kiểm tra đồng hồ thiết bị.', en: 'The recorded time is in the future; check the device clock.' },
  'yards.identify_truck': { status: 422, vi: 'Cần nhập mã chuyến xe hoặc biển số.', en: 'Give the trip reference or the plate.' },
  'yards.unknown_lane': { status: 422, vi: 'Luồng ưu tiên không có trong quy tắc của cửa khẩu.', en: 'The lane is not one of the gate’s lanes.' },
  'yards.reason_required': { status: 422, vi: 'Thao tác này cần ghi lý do.', en: 'This step needs a reason.' },
  'yards.trip_not_found': { status: 404, vi: 'Không tìm thấy chuyến xe tại cửa khẩu này.', en: 'No such trip at this gate.' },
  'yards.step_not_allowed': { status: 409, vi: 'Bước này không phù hợp với trạng thái hiện tại của xe.', en: 'This step does not fit the truck’s current status.' },
  'yards.reading_not_found': { status: 404, vi: 'Không tìm thấy lượt đọc biển số.', en: 'Plate reading not found.' },
  'yards.reading_not_pending': { status: 409, vi: 'Lượt đọc biển số này đã được xử lý.', en: 'This plate reading has already been handled.' },
  'yards.flag_not_found': { status: 404, vi: 'Không tìm thấy cảnh báo.', en: 'Flag not found.' },
  'yards.flag_resolved': { status: 409, vi: 'Cảnh báo đã được xử lý.', en: 'The flag has already been resolved.' },
  'yards.not_held': { status: 409, vi: 'Xe không bị giữ lại; không có gì để cho vào hàng chờ lại.', en: 'The truck is not held; there is nothing to release.' },
  'yards.conflict_not_found': { status: 404, vi: 'Không tìm thấy xung đột đồng bộ.', en: 'Sync conflict not found.' },
  'yards.conflict_resolved': { status: 409, vi: 'Xung đột đã được xử lý.', en: 'The conflict has already been resolved.' },
  'yards.conflict_not_applicable': { status: 409, vi: 'Không thể áp dụng bản ghi của thiết bị ở trạng thái hiện tại của xe.', en: 'The device’s record cannot be applied in the truck’s current status.' },
  'yards.pass_invalid': { status: 401, vi: 'Thẻ qua cửa khẩu không hợp lệ (sai chữ ký, đã thay thế hoặc đã thu hồi).', en: 'The gate pass is not valid (bad signature, replaced or revoked).' },
} as const satisfies ErrorCatalog;
