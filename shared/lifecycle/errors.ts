/** Stable error codes of the ticket lifecycle with the Chinese text a user sees. */
export const TICKET_ERROR_MESSAGES = {
  'TICKET.INVALID_TRANSITION': '工单当前状态下不能进行此操作',
  'TICKET.FORBIDDEN_ROLE': '您的角色不能进行此操作',
  'TICKET.VERSION_CONFLICT': '工单已被他人更新，请刷新后重试',
  'TICKET.MISSING_REASON': '请填写原因',
  'TICKET.MISSING_NOTE': '请填写说明',
  'TICKET.MISSING_PHOTOS': '请上传至少一张整改后照片',
  'TICKET.MISSING_LOCATION': '请先完成现场定位打卡',
  'TICKET.MISSING_UNITS': '请选择至少一个承办单位',
  'TICKET.MISSING_OFFICER': '请填写报到人员姓名',
  'TICKET.MISSING_DUPLICATE': '请指定重复的原工单',
  'TICKET.INVALID_DUPLICATE': '不能与本工单自身合并',
  'TICKET.INVALID_REASON_CODE': '请选择退单原因',
  'TICKET.INVALID_UNTIL': '延期截止时间须晚于当前时间',
  'TICKET.EXTENSION_PENDING': '已有延期申请待审批',
  'TICKET.NO_PENDING_EXTENSION': '没有待审批的延期申请',
  'TICKET.APPEAL_USED': '每个工单只能申诉一次',
  'TICKET.WINDOW_CLOSED': '已超过可申请重办的期限',
  'TICKET.ALREADY_RATED': '该工单已评价',
  'TICKET.INVALID_RATING': '请选择1至5分的满意度并说明问题是否解决',
  'TICKET.MISSING_MEDIATION': '请填写调解当事人、调解结果和协议内容',
  'TICKET.INVALID_STEP': '未知的时限环节',
  'TICKET.ALREADY_ESCALATED': '工单已升级到该层级',
  'TICKET.MISSING_UNIT': '当前账号未绑定承办单位',
  'TICKET.UNIT_NOT_ASSIGNED': '本单位不是该工单的承办单位',
  'TICKET.ALREADY_ACKNOWLEDGED': '本单位已报到',
  'TICKET.NOT_ACKNOWLEDGED': '请先报到再进行此操作',
} as const;

export type TicketErrorCode = keyof typeof TICKET_ERROR_MESSAGES;

/**
 * A rule of the domain was broken. `code` is stable (clients and tests match on it, the envelope
 * carries it); `message` is shown to users as is.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly details?: Record<string, unknown>;

  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    if (details) this.details = details;
  }
}

export function ticketError(code: TicketErrorCode, details?: Record<string, unknown>, message?: string): DomainError {
  return new DomainError(code, message ?? TICKET_ERROR_MESSAGES[code], details);
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
