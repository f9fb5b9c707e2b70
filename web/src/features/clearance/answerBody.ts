import type { AnswerRequest } from '../../../../shared/schemas/clearance';
import type { TRIP_DOCUMENT_KINDS } from '../../../../shared/schemas/trips';

// The enterprise's answer to a document request, as typed (one row per document) and as sent.

export interface DocRow { kind: (typeof TRIP_DOCUMENT_KINDS)[number]; number: string; fileId: string; fileName: string; note: string }

/** A message and the documents given; rows without a number are left out, empty extras dropped. */
export function answerBody(message: string, rows: DocRow[]): AnswerRequest {
  return {
    message: message.trim(),
    documents: rows
      .filter((r) => r.number.trim() !== '')
      .map((r) => ({ kind: r.kind, number: r.number.trim(), ...(r.fileId ? { fileId: r.fileId } : {}), ...(r.note.trim() ? { note: r.note.trim() } : {}) })),
  };
}
