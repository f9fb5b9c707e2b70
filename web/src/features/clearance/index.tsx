import type { Feature } from '../types';

export const clearanceFeature: Feature = {
  routes: [],
  nav: [],
};
