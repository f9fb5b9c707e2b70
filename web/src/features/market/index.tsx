import type { Feature } from '../types';

export const marketFeature: Feature = {
  routes: [],
  nav: [],
};
