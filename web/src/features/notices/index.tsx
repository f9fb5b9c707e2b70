import type { Feature } from '../types';

export const noticesFeature: Feature = {
  routes: [],
  nav: [],
};
