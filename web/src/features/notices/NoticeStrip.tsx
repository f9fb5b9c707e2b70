/**
 * The notices in force for some gates or a province (closures, holiday hours, fruit-only days),
 * in the reader's language. Used by the live board, the public congestion page and the driver page.
 */
export function NoticeStrip(_props: { gateIds?: string[]; province?: string }) {
  return null;
}
