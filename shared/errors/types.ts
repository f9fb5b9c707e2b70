export interface ErrorDefinition {
  status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 503;
  vi: string;
  en: string;
}
export type ErrorCatalog = Record<string, ErrorDefinition>;
