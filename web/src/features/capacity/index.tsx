import type { Feature } from '../types';

export const capacityFeature: Feature = {
  routes: [],
  nav: [],
};
