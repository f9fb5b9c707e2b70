import type { ErrorCatalog } from './types';

// Errors of the market capability: border-market prices, daily statistics, the leaders' view.
// Codes with status 422 that name one field problem also appear inside the `errors` list of a
// market.invalid_entry answer.
export const marketErrors = {
  'market.invalid_entry': { status: 422, vi: 'Thông tin giá chưa hợp lệ; xem danh sách lỗi.', en: 'The price entry is not valid; see the list of errors.' },
  'market.unknown_commodity': { status: 422, vi: 'Mặt hàng không có trong danh mục.', en: 'The commodity is not in the list.' },
  'market.unknown_market': { status: 422, vi: 'Không có chợ hoặc cửa khẩu này.', en: 'There is no such market or gate.' },
  'market.unit_mismatch': { status: 422, vi: 'Đơn vị tính không dùng cho mặt hàng này.', en: 'This unit is not used for the commodity.' },
  'market.price_required': { status: 422, vi: 'Cần giá bình quân, hoặc cả giá thấp nhất và cao nhất.', en: 'Give an average price, or both the lowest and the highest.' },
  'market.price_order': { status: 422, vi: 'Giá thấp nhất phải không lớn hơn giá cao nhất, và giá bình quân nằm giữa hai giá đó.', en: 'The lowest price may not exceed the highest, and the average must lie between them.' },
  'market.price_out_of_range': { status: 422, vi: 'Giá nằm ngoài khoảng hợp lý của mặt hàng; hãy kiểm tra đơn vị và loại tiền.', en: 'The price is outside the plausible range for the commodity; check the unit and the currency.' },
  'market.volume_out_of_range': { status: 422, vi: 'Khối lượng giao dịch không hợp lý.', en: 'The traded volume is not plausible.' },
  'market.date_in_future': { status: 422, vi: 'Ngày giao dịch chưa tới.', en: 'The trading day is in the future.' },
  'market.date_too_old': { status: 422, vi: 'Ngày giao dịch quá xa (quá 1 năm).', en: 'The trading day is more than a year ago.' },
  'market.duplicate_entry': { status: 409, vi: 'Đã có giá của đơn vị bạn cho mặt hàng, chợ, ngày và loại tiền này; hãy rút giá cũ trước khi đăng lại.', en: 'Your organisation already published a price for this commodity, market, day and currency; retract it before publishing again.' },
  'market.entry_not_found': { status: 404, vi: 'Không tìm thấy mục giá.', en: 'Price entry not found.' },
  'market.already_retracted': { status: 409, vi: 'Mục giá đã được rút.', en: 'The price entry was already retracted.' },
  'statistics.invalid_period': { status: 422, vi: 'Khoảng thời gian không hợp lệ (từ ngày phải trước đến ngày, tối đa 366 ngày).', en: 'The period is not valid (from must not be after to; at most 366 days).' },
  'statistics.unknown_province': { status: 404, vi: 'Không có tỉnh này trong phạm vi của bạn.', en: 'No such province in your scope.' },
} as const satisfies ErrorCatalog;
