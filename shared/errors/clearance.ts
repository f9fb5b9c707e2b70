import type { ErrorCatalog } from './types';

// Errors of the clearance capability.
export const clearanceErrors = {
  'clearance.control_not_found': { status: 404, vi: 'Không tìm thấy nội dung kiểm tra.', en: 'Control not found.' },
  'clearance.request_not_found': { status: 404, vi: 'Không tìm thấy yêu cầu bổ sung chứng từ.', en: 'Document request not found.' },
  'clearance.rule_set_not_found': { status: 404, vi: 'Không có phiên bản bộ tiêu chí này.', en: 'No such rule set version.' },
  'clearance.no_agency': {
    status: 403,
    vi: 'Chỉ cán bộ hải quan, biên phòng hoặc kiểm dịch mới được ra quyết định kiểm tra.',
    en: 'Only customs, border guard or quarantine officers record control decisions.',
  },
  'clearance.wrong_agency': {
    status: 403,
    vi: 'Nội dung kiểm tra này thuộc cơ quan khác; mỗi cơ quan chỉ quyết định phần việc của mình.',
    en: 'This control belongs to another agency; each agency decides only its own controls.',
  },
  'clearance.rules_wrong_agency': {
    status: 403,
    vi: 'Cơ quan của bạn không quản lý danh mục này (tiêu chí rủi ro: hải quan; mã vùng trồng, cơ sở đóng gói: kiểm dịch thực vật).',
    en: 'Your agency does not keep this list (risk rules: customs; growing-area and packing-house codes: plant quarantine).',
  },
  'clearance.invalid_transition': {
    status: 409,
    vi: 'Không thể ra quyết định này ở trạng thái hiện tại của nội dung kiểm tra.',
    en: 'This decision is not allowed in the control’s current status.',
  },
  'clearance.version_conflict': {
    status: 409,
    vi: 'Nội dung kiểm tra vừa được cập nhật; hãy tải lại trước khi quyết định.',
    en: 'The control has changed; reload it before deciding.',
  },
  'clearance.trip_not_refusable': {
    status: 409,
    vi: 'Chuyến xe đang ở trạng thái không thể từ chối thông quan (đã qua cửa khẩu hoặc đã kết thúc).',
    en: 'The trip can no longer be refused (it has crossed or has ended).',
  },
  'clearance.request_answered': { status: 409, vi: 'Yêu cầu này đã được trả lời.', en: 'This request has already been answered.' },
  'clearance.decision_incomplete': {
    status: 422,
    vi: 'Quyết định còn thiếu thông tin; xem danh sách lỗi.',
    en: 'The decision is missing information; see the list of errors.',
  },
  'clearance.legal_basis_unknown': {
    status: 422,
    vi: 'Căn cứ pháp lý không có trong danh mục hoặc không thuộc cơ quan của bạn.',
    en: 'The legal basis is not in the list or not one your agency may cite.',
  },
  'clearance.bay_unknown': {
    status: 422,
    vi: 'Khu kiểm tra không có ở cửa khẩu này hoặc không dành cho cơ quan của bạn.',
    en: 'The inspection bay is not at this gate or not used by your agency.',
  },
  'clearance.no_inspection_slot': {
    status: 422,
    vi: 'Không còn khung giờ kiểm tra thực tế nào trong 7 ngày tới tại cửa khẩu này.',
    en: 'No inspection slot is free at this gate in the next 7 days.',
  },
  'clearance.rule_set_invalid': {
    status: 422,
    vi: 'Bộ tiêu chí chưa hợp lệ; xem danh sách lỗi.',
    en: 'The rule set is not valid; see the list of errors.',
  },
  'clearance.import_invalid': {
    status: 422,
    vi: 'Danh mục nhập vào có lỗi; không có gì được ghi. Xem danh sách lỗi.',
    en: 'The list has problems; nothing was written. See the list of errors.',
  },
  'clearance.answer_invalid': {
    status: 422,
    vi: 'Trả lời chưa hợp lệ: tệp đính kèm phải thuộc chuyến xe này.',
    en: 'The answer is not valid: attached files must belong to this trip.',
  },
} as const satisfies ErrorCatalog;
