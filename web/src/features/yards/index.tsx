import type { Feature } from '../types';

export const yardsFeature: Feature = {
  routes: [],
  nav: [],
};
