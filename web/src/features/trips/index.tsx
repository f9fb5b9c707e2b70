import type { Feature } from '../types';

export const tripsFeature: Feature = { routes: [], nav: [] };
