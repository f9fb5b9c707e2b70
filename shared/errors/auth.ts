import type { ErrorCatalog } from './types';

export const authErrors = {
  'auth.unauthenticated': { status: 401, vi: 'Cần đăng nhập.', en: 'Sign-in required.' },
  'auth.invalid_credentials': { status: 401, vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  'auth.session_expired': { status: 401, vi: 'Phiên làm việc đã hết hạn; hãy đăng nhập lại.', en: 'Your session has expired; sign in again.' },
  'auth.token_invalid': { status: 401, vi: 'Mã truy cập API không hợp lệ, đã hết hạn hoặc bị thu hồi.', en: 'The API token is invalid, expired or revoked.' },
  'auth.too_many_attempts': { status: 429, vi: 'Đăng nhập sai quá nhiều lần; hãy thử lại sau.', en: 'Too many failed sign-ins; try again later.' },
  'auth.forbidden': { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  'auth.out_of_scope': { status: 403, vi: 'Thao tác nằm ngoài cửa khẩu hoặc đơn vị được phân công cho bạn.', en: 'This is outside the gates or agency you are assigned to.' },
  'auth.password_too_weak': { status: 422, vi: 'Mật khẩu phải dài ít nhất 10 ký tự, có chữ và số, và khác tên đăng nhập.', en: 'The password needs at least 10 characters, letters and digits, and must differ from the username.' },
  'auth.wrong_current_password': { status: 422, vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
} as const satisfies ErrorCatalog;
