import { errorCatalog, type ErrorCode } from '../../../shared/errors/index';
import type { TripCheckError } from '../../../shared/schemas/trips';
import { AppError } from '../platform/errors';

// One failed check in the `errors` list of a 422: the catalogue's messages for the code, with
// an optional specific sentence (which day, which hours, which limit) appended.

export function checkError(path: string, code: ErrorCode, extra?: { vi: string; en: string }): TripCheckError {
  const def = errorCatalog[code];
  return {
    path,
    code,
    message: extra ? { vi: `${def.vi} ${extra.vi}`, en: `${def.en} ${extra.en}` } : { vi: def.vi, en: def.en },
  };
}

/** Throws the summary code with every problem listed, when there is any. */
export function throwIfProblems(code: ErrorCode, problems: TripCheckError[]): void {
  if (problems.length > 0) throw new AppError(code, { errors: problems });
}
