import { errorCatalog, type ErrorCode } from '../../../shared/errors/index';

export interface FieldError {
  path: string;
  message: string;
  code?: string;
}

/** An expected failure with a stable code; the HTTP layer turns it into problem+json. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly extensions: Record<string, unknown> = {},
    detail?: string,
  ) {
    super(detail ?? errorCatalog[code].en);
    this.status = errorCatalog[code].status;
  }
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string } | null;
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}
