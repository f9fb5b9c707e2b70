import { plansFeature } from './plans/index';
import { tripsFeature } from './trips/index';
import type { Feature } from './types';

export const features: readonly Feature[] = [plansFeature, tripsFeature];
