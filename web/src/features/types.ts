import type { ReactElement } from 'react';
import type { Me } from '../../../shared/schemas/auth';

/** A web feature: its pages and the navigation entries shown to those who may use them. */
export interface Feature {
  routes: Array<{ path: string; element: ReactElement }>;
  nav: Array<{ to: string; labelKey: string; visible: (me: Me | null) => boolean }>;
}
