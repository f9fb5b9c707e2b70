import { accountErrors } from './accounts';
import { capacityErrors } from './capacity';
import { clearanceErrors } from './clearance';
import { marketErrors } from './market';
import { noticesErrors } from './notices';
import { operationsErrors } from './operations';
import { authErrors } from './auth';
import { gateErrors } from './gates';
import { notificationsErrors } from './notifications';
import { plansErrors } from './plans';
import { platformErrors } from './platform';
import { tripsErrors } from './trips';
import { yardsErrors } from './yards';
import type { ErrorDefinition } from './types';

// The one mapping from stable error code to HTTP status and messages. A code that is not
// listed here cannot be thrown: AppError only accepts ErrorCode.
export const errorCatalog = {
  ...platformErrors,
  ...authErrors,
  ...accountErrors,
  ...gateErrors,
  ...notificationsErrors,
  ...plansErrors,
  ...tripsErrors,
  ...capacityErrors,
  ...yardsErrors,
  ...clearanceErrors,
  ...operationsErrors,
  ...noticesErrors,
  ...marketErrors,
} satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof errorCatalog;
export type { ErrorDefinition };
