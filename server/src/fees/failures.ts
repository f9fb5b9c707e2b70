// Typed failures of a fee quote. The HTTP layer maps `code` to its error catalogue; the
// messages let the engine be used (and tested) on its own.

export const FEE_ERROR_CODES = [
  'fees.invalid_input',
  'fees.invalid_hs_code',
  'fees.no_tariff',
  'fees.unsupported_regime',
  'fees.no_matching_rule',
  'fees.missing_input',
  'fees.exchange_rate_missing',
  'fees.conflicting_options',
] as const;
export type FeeErrorCode = (typeof FEE_ERROR_CODES)[number];

export interface FeeFailure {
  code: FeeErrorCode;
  messages: { vi: string; en: string };
  /** What was wrong: field paths, the province and date looked up, the currency without a rate… */
  details: Record<string, unknown>;
}

const MESSAGES: Record<FeeErrorCode, { vi: string; en: string }> = {
  'fees.invalid_input': { vi: 'Thông tin chuyến xe không hợp lệ.', en: 'The trip details are not valid.' },
  'fees.invalid_hs_code': { vi: 'Mã HS của dòng hàng không hợp lệ.', en: 'A cargo line has an invalid HS code.' },
  'fees.no_tariff': {
    vi: 'Không có biểu phí có hiệu lực cho tỉnh, cửa khẩu và ngày này.',
    en: 'No tariff is in force for this province, gate and date.',
  },
  'fees.unsupported_regime': {
    vi: 'Biểu phí không quy định mức thu cho loại hình này.',
    en: 'The tariff sets no charge for this customs regime.',
  },
  'fees.no_matching_rule': {
    vi: 'Không có mức thu nào trong biểu phí phù hợp với chuyến xe.',
    en: 'No rate in the tariff fits this trip.',
  },
  'fees.missing_input': {
    vi: 'Cần bổ sung thông tin để xác định mức thu.',
    en: 'More information is needed to choose the rate.',
  },
  'fees.exchange_rate_missing': {
    vi: 'Các dòng hàng khai bằng nhiều loại tiền; cần tỷ giá để so sánh trị giá.',
    en: 'Cargo lines are declared in several currencies; an exchange rate is needed to compare their values.',
  },
  'fees.conflicting_options': {
    vi: 'Các lựa chọn của chuyến xe mâu thuẫn nhau.',
    en: 'The trip options contradict each other.',
  },
};

export function feeFailure(code: FeeErrorCode, details: Record<string, unknown> = {}): FeeFailure {
  return { code, messages: MESSAGES[code], details };
}
