import type { ErrorCatalog } from './types';

// Codes of the trips capability: fleet, trips, fees, payments and passes. Codes with status 422
// that name one problem (plate.*, hs.*, trips.gate_closed…) also appear inside the `errors`
// list of a trips.checks_failed or fleet.invalid_* answer, with the same messages.

export const fleetErrors = {
  'fleet.vehicle_not_found': { status: 404, vi: 'Không tìm thấy phương tiện.', en: 'Vehicle not found.' },
  'fleet.driver_not_found': { status: 404, vi: 'Không tìm thấy lái xe.', en: 'Driver not found.' },
  'fleet.duplicate_vehicle': { status: 409, vi: 'Biển số này đã được doanh nghiệp đăng ký.', en: 'Your enterprise has already registered this plate.' },
  'fleet.duplicate_driver': { status: 409, vi: 'Lái xe với giấy tờ này đã được đăng ký.', en: 'A driver with this document is already registered.' },
  'fleet.version_conflict': { status: 409, vi: 'Dữ liệu đã được người khác sửa; hãy tải lại.', en: 'Someone else changed this record; reload it.' },
  'fleet.invalid_vehicle': { status: 422, vi: 'Thông tin phương tiện chưa hợp lệ; xem danh sách lỗi.', en: 'The vehicle details are not valid; see the list of errors.' },
  'fleet.invalid_driver': { status: 422, vi: 'Thông tin lái xe chưa hợp lệ; xem danh sách lỗi.', en: 'The driver details are not valid; see the list of errors.' },
  'fleet.container_check_digit': { status: 422, vi: 'Số container sai chữ số kiểm tra (ISO 6346); hãy kiểm tra lại từng ký tự.', en: 'The container number fails its ISO 6346 check digit; check each character.' },
  'fleet.inspection_expired': { status: 422, vi: 'Giấy chứng nhận kiểm định của phương tiện đã hết hạn.', en: 'The vehicle inspection certificate has expired.' },
  'fleet.document_expired': { status: 422, vi: 'Hộ chiếu hoặc giấy thông hành của lái xe đã hết hạn.', en: 'The driver’s passport or border pass has expired.' },
  'fleet.account_not_driver': { status: 422, vi: 'Tài khoản liên kết phải là tài khoản lái xe của cùng doanh nghiệp.', en: 'The linked account must be a driver account of the same enterprise.' },
  'plate.invalid_format': { status: 422, vi: 'Biển số không đúng định dạng (Việt Nam: 11C-123.45; Trung Quốc: 桂F·12345).', en: 'The plate number is not in a valid format (Vietnam: 11C-123.45; China: 桂F·12345).' },
  'plate.unknown_province': { status: 422, vi: 'Mã tỉnh trên biển số không tồn tại.', en: 'The plate carries an unknown province code.' },
  'plate.not_trailer': { status: 422, vi: 'Biển số rơ-moóc phải là biển rơ-moóc (Việt Nam: seri R; Trung Quốc: 挂).', en: 'A trailer plate must be a trailer plate (Vietnam: series R; China: 挂).' },
} as const satisfies ErrorCatalog;

export const tripCheckErrors = {
  'trips.required': { status: 422, vi: 'Thiếu thông tin bắt buộc.', en: 'A required field is missing.' },
  'trips.date_in_past': { status: 422, vi: 'Ngày dự kiến qua cửa khẩu đã qua.', en: 'The planned crossing date is in the past.' },
  'trips.window_invalid': { status: 422, vi: 'Giờ bắt đầu phải trước giờ kết thúc của khung giờ dự kiến.', en: 'The crossing window must start before it ends.' },
  'trips.gate_not_found': { status: 422, vi: 'Không có cửa khẩu này.', en: 'There is no such gate.' },
  'trips.gate_not_operating': { status: 422, vi: 'Cửa khẩu chưa hoạt động; hãy chọn cửa khẩu khác.', en: 'The gate is not operating yet; choose another gate.' },
  'trips.gate_closed': { status: 422, vi: 'Cửa khẩu đóng cửa vào ngày này; hãy chọn ngày khác.', en: 'The gate is closed on that day; choose another day.' },
  'trips.window_outside_hours': { status: 422, vi: 'Khung giờ dự kiến nằm ngoài giờ làm việc của cửa khẩu ngày đó.', en: 'The crossing window is outside the gate’s hours that day.' },
  'trips.gate_no_goods': { status: 422, vi: 'Cửa khẩu không tiếp nhận phương tiện chở hàng hóa.', en: 'The gate does not take goods traffic.' },
  'trips.regime_not_allowed': { status: 422, vi: 'Cửa khẩu không làm thủ tục cho loại hình này; hãy chọn cửa khẩu quốc tế.', en: 'The gate does not handle this regime; choose an international gate.' },
  'trips.fruit_only_day': { status: 422, vi: 'Ngày này cửa khẩu chỉ tiếp nhận xe chở trái cây tươi.', en: 'On that day the gate accepts only trucks carrying fresh fruit.' },
  'trips.vehicle_not_found': { status: 422, vi: 'Phương tiện không thuộc đội xe của doanh nghiệp.', en: 'The vehicle is not in your enterprise’s fleet.' },
  'trips.vehicle_inactive': { status: 422, vi: 'Phương tiện đã ngừng sử dụng.', en: 'The vehicle is no longer in use.' },
  'trips.driver_not_found': { status: 422, vi: 'Lái xe không thuộc doanh nghiệp.', en: 'The driver is not one of your enterprise’s drivers.' },
  'trips.driver_inactive': { status: 422, vi: 'Lái xe đã ngừng làm việc.', en: 'The driver is no longer active.' },
  'trips.driver_document_expired': { status: 422, vi: 'Hộ chiếu hoặc giấy thông hành của lái xe hết hạn trước ngày qua cửa khẩu.', en: 'The driver’s passport or border pass expires before the crossing date.' },
  'trips.vehicle_inspection_expired': { status: 422, vi: 'Kiểm định phương tiện hết hạn trước ngày qua cửa khẩu.', en: 'The vehicle inspection expires before the crossing date.' },
  'trips.document_expired': { status: 422, vi: 'Chứng từ hết hạn trước ngày qua cửa khẩu.', en: 'The document expires before the crossing date.' },
  'trips.file_not_found': { status: 422, vi: 'Tệp đính kèm không thuộc chuyến xe này.', en: 'The attached file does not belong to this trip.' },
  'trips.overweight': { status: 422, vi: 'Tổng trọng lượng hàng vượt tải trọng cho phép của phương tiện.', en: 'The cargo weighs more than the vehicle may carry.' },
  'trips.cargo_required': { status: 422, vi: 'Chuyến xe chở hàng cần ít nhất một dòng hàng.', en: 'A loaded trip needs at least one cargo line.' },
  'trips.empty_return_has_cargo': { status: 422, vi: 'Xe về rỗng không được khai dòng hàng.', en: 'An empty return may not declare cargo.' },
  'trips.fruit_codes_missing': { status: 422, vi: 'Trái cây tươi xuất sang Trung Quốc phải có mã số vùng trồng (PUC) và mã số cơ sở đóng gói (PHC).', en: 'Fresh fruit to China needs its growing-area (PUC) and packing-house (PHC) codes.' },
  'trips.fruit_code_format': { status: 422, vi: 'Mã số vùng trồng hoặc cơ sở đóng gói không đúng định dạng (ví dụ VNORC-0123, VNPHC-0456).', en: 'The growing-area or packing-house code is not in the right format (e.g. VNORC-0123, VNPHC-0456).' },
  'trips.phytosanitary_missing': { status: 422, vi: 'Trái cây tươi xuất sang Trung Quốc cần số giấy chứng nhận kiểm dịch thực vật.', en: 'Fresh fruit to China needs a phytosanitary certificate number.' },
  'trips.container_duplicate': { status: 422, vi: 'Số container bị khai trùng.', en: 'The same container is declared twice.' },
  'hs.invalid_format': { status: 422, vi: 'Mã HS phải gồm 6 chữ số (phân nhóm HS) hoặc 8 chữ số (mã AHTN), ví dụ 0810.90.10.', en: 'An HS code has 6 digits (HS subheading) or 8 digits (AHTN code), e.g. 0810.90.10.' },
  'hs.not_found': { status: 404, vi: 'Không có phân nhóm HS 2022 với mã này.', en: 'No HS 2022 subheading has this code.' },
  'hs.unknown_code': { status: 422, vi: 'Mã HS không có trong Danh mục HS 2022.', en: 'The code is not an HS 2022 subheading.' },
} as const satisfies ErrorCatalog;

export const feeErrors = {
  'fees.invalid_input': { status: 422, vi: 'Thông tin chuyến xe không hợp lệ.', en: 'The trip details are not valid.' },
  'fees.invalid_hs_code': { status: 422, vi: 'Mã HS của dòng hàng không hợp lệ.', en: 'A cargo line has an invalid HS code.' },
  'fees.no_tariff': { status: 422, vi: 'Không có biểu phí có hiệu lực cho tỉnh, cửa khẩu và ngày này.', en: 'No tariff is in force for this province, gate and date.' },
  'fees.unsupported_regime': { status: 422, vi: 'Biểu phí không quy định mức thu cho loại hình này.', en: 'The tariff sets no charge for this customs regime.' },
  'fees.no_matching_rule': { status: 422, vi: 'Không có mức thu nào trong biểu phí phù hợp với chuyến xe.', en: 'No rate in the tariff fits this trip.' },
  'fees.missing_input': { status: 422, vi: 'Cần bổ sung thông tin để xác định mức thu.', en: 'More information is needed to choose the rate.' },
  'fees.exchange_rate_missing': { status: 422, vi: 'Các dòng hàng khai bằng nhiều loại tiền; cần tỷ giá để so sánh trị giá.', en: 'Cargo lines are declared in several currencies; an exchange rate is needed to compare their values.' },
  'fees.conflicting_options': { status: 422, vi: 'Các lựa chọn của chuyến xe mâu thuẫn nhau.', en: 'The trip options contradict each other.' },
} as const satisfies ErrorCatalog;

export const tripsErrors = {
  ...fleetErrors,
  ...tripCheckErrors,
  ...feeErrors,
  'trips.not_found': { status: 404, vi: 'Không tìm thấy chuyến xe.', en: 'Trip not found.' },
  'trips.version_conflict': { status: 409, vi: 'Chuyến xe đã được cập nhật; hãy tải lại trước khi sửa.', en: 'The trip has changed; reload it before editing.' },
  'trips.invalid_transition': { status: 409, vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của chuyến xe.', en: 'This action is not allowed in the trip’s current status.' },
  'trips.checks_failed': { status: 422, vi: 'Tờ khai chưa đạt yêu cầu; hãy sửa các lỗi trong danh sách rồi gửi lại.', en: 'The declaration did not pass the checks; fix the listed problems and submit again.' },
  'trips.reason_required': { status: 422, vi: 'Sửa tờ khai đã gửi cần ghi lý do.', en: 'Amending a submitted declaration needs a reason.' },
  'trips.enterprise_required': { status: 422, vi: 'Cần chọn doanh nghiệp khai báo.', en: 'Choose the declaring enterprise.' },
  'trips.file_not_found': { status: 404, vi: 'Không tìm thấy tệp đính kèm.', en: 'Attached file not found.' },
  'trips.file_invalid': { status: 422, vi: 'Tệp không hợp lệ: nội dung không đúng kiểu tệp đã khai hoặc quá lớn.', en: 'The file is not valid: its content does not match its type, or it is too large.' },
  'payments.not_found': { status: 404, vi: 'Không tìm thấy giao dịch thanh toán.', en: 'Payment not found.' },
  'payments.nothing_due': { status: 409, vi: 'Chuyến xe không còn khoản phí nào phải nộp.', en: 'Nothing is due on this trip.' },
  'payments.amount_mismatch': { status: 409, vi: 'Số tiền khác với số phí phải nộp hiện tại; hãy tải lại chuyến xe.', en: 'The amount differs from the fee now due; reload the trip.' },
  'payments.in_progress': { status: 409, vi: 'Một giao dịch thanh toán của chuyến xe đang chờ ngân hàng xác nhận.', en: 'A payment for this trip is waiting for the bank’s confirmation.' },
  'payments.insufficient_funds': { status: 422, vi: 'Tài khoản không đủ số dư.', en: 'Insufficient funds in the account.' },
  'payments.declined': { status: 422, vi: 'Ngân hàng từ chối giao dịch.', en: 'The bank declined the payment.' },
  'payments.unknown_account': { status: 422, vi: 'Ngân hàng không tìm thấy tài khoản thanh toán.', en: 'The bank does not know the paying account.' },
  'payments.no_receipt': { status: 404, vi: 'Giao dịch chưa có biên lai (chưa thành công hoặc là hoàn tiền).', en: 'This payment has no receipt (not yet successful, or a refund).' },
  'passes.not_found': { status: 404, vi: 'Chuyến xe chưa có thẻ qua cửa khẩu.', en: 'The trip has no gate pass.' },
} as const satisfies ErrorCatalog;
