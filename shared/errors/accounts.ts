import type { ErrorCatalog } from './types';

export const accountErrors = {
  'accounts.not_found': { status: 404, vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' },
  'accounts.username_taken': { status: 409, vi: 'Tên đăng nhập đã có người dùng.', en: 'That username is already taken.' },
  'accounts.invalid_assignment': { status: 422, vi: 'Vai trò không khớp với doanh nghiệp, đơn vị hoặc cửa khẩu được gán.', en: 'The role does not match the enterprise, agency or gates assigned.' },
  'accounts.cannot_change_self': { status: 409, vi: 'Không thể tự khóa hoặc tự hạ quyền tài khoản của mình.', en: 'You cannot disable or demote your own account.' },
  'accounts.version_conflict': { status: 409, vi: 'Tài khoản đã được người khác sửa; hãy tải lại.', en: 'The account was changed by someone else; reload it.' },
  'enterprises.not_found': { status: 404, vi: 'Không tìm thấy doanh nghiệp.', en: 'Enterprise not found.' },
  'enterprises.tax_code_taken': { status: 409, vi: 'Mã số thuế này đã được đăng ký.', en: 'This tax code is already registered.' },
  'agencies.not_found': { status: 404, vi: 'Không tìm thấy cơ quan, đơn vị.', en: 'Agency not found.' },
  'tokens.not_found': { status: 404, vi: 'Không tìm thấy mã truy cập API.', en: 'API token not found.' },
  'tokens.scope_not_allowed': { status: 403, vi: 'Không thể cấp phạm vi vượt quá quyền của tài khoản.', en: 'A token cannot carry scopes beyond its account’s permissions.' },
} as const satisfies ErrorCatalog;
