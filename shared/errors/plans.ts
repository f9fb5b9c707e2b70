import { notificationsErrors } from './notifications';
import type { ErrorCatalog } from './types';

export const plansErrors = {
  ...notificationsErrors,
  'plans.not_found': { status: 404, vi: 'Không tìm thấy kế hoạch.', en: 'Plan not found.' },
  'plans.task_not_found': { status: 404, vi: 'Không tìm thấy nhiệm vụ.', en: 'Task not found.' },
  'plans.occurrence_not_found': { status: 404, vi: 'Không tìm thấy kỳ thực hiện của nhiệm vụ.', en: 'Task occurrence not found.' },
  'plans.file_not_found': { status: 404, vi: 'Không tìm thấy tệp minh chứng.', en: 'Evidence file not found.' },
  'plans.kpi_not_found': { status: 404, vi: 'Không tìm thấy chỉ tiêu.', en: 'KPI not found.' },
  'plans.delegation_not_found': { status: 404, vi: 'Không tìm thấy đoàn.', en: 'Delegation not found.' },
  'plans.not_plan_owner': { status: 403, vi: 'Chỉ cơ quan ban hành kế hoạch mới được quản lý kế hoạch này.', en: 'Only the agency that issued the plan may manage it.' },
  'plans.task_not_assigned': { status: 403, vi: 'Nhiệm vụ này không được giao cho cơ quan của bạn.', en: 'This task is not assigned to your agency.' },
  'plans.no_agency': { status: 403, vi: 'Tài khoản của bạn chưa gắn với cơ quan, đơn vị nào.', en: 'Your account is not attached to an agency.' },
  'plans.already_exists': { status: 409, vi: 'Đã có kế hoạch với mã này.', en: 'A plan with this id already exists.' },
  'plans.version_conflict': { status: 409, vi: 'Dữ liệu đã được người khác cập nhật; hãy tải lại trước khi sửa.', en: 'The record was updated by someone else; reload before editing.' },
  'plans.action_not_allowed': { status: 409, vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại.', en: 'This action is not allowed in the current status.' },
  'plans.task_ref_taken': { status: 409, vi: 'Kế hoạch đã có nhiệm vụ với số thứ tự này.', en: 'The plan already has a task with this number.' },
  'plans.invalid_plan': { status: 422, vi: 'Kế hoạch không hợp lệ; không có dữ liệu nào được ghi.', en: 'The plan is not valid; nothing was saved.' },
  'plans.invalid_task': { status: 422, vi: 'Thông tin nhiệm vụ không hợp lệ.', en: 'The task is not valid.' },
  'plans.invalid_evidence': { status: 422, vi: 'Minh chứng không hợp lệ hoặc không tồn tại.', en: 'The evidence is not valid or does not exist.' },
  'plans.invalid_file': { status: 422, vi: 'Tệp minh chứng không hợp lệ (trống, quá lớn hoặc thiếu tên).', en: 'The evidence file is not valid (empty, too large or unnamed).' },
  'plans.occurrence_required': { status: 422, vi: 'Nhiệm vụ thường xuyên: hãy chọn kỳ thực hiện.', en: 'A recurring task: choose the occurrence.' },
  'plans.not_reporting_agency': { status: 422, vi: 'Cơ quan này không chủ trì nhiệm vụ nào của kế hoạch nên không nộp báo cáo.', en: 'This agency leads no task of the plan, so it submits no report.' },
  'plans.kpi_computed': { status: 422, vi: 'Chỉ tiêu này được tính tự động từ dữ liệu của hệ thống, không nhập tay.', en: 'This KPI is computed from platform data and cannot be typed in.' },
  'plans.invalid_delegation': { status: 422, vi: 'Thông tin đoàn không hợp lệ.', en: 'The delegation is not valid.' },
} as const satisfies ErrorCatalog;
