import type { Feature } from '../types';

export const operationsFeature: Feature = {
  routes: [],
  nav: [],
};
