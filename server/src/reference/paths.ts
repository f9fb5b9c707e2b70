import { fileURLToPath } from 'node:url';
import path from 'node:path';

// Resolved from this file's location (server/src/reference/) so it works wherever the repo is
// cloned and whatever the process's working directory is.
const referenceRoot = fileURLToPath(new URL('../../../reference/', import.meta.url));

/** Absolute path of a file or folder under the repository's versioned `reference/` data. */
export function referencePath(...parts: string[]): string {
  return path.join(referenceRoot, ...parts);
}
