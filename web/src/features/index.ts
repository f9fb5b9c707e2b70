import { capacityFeature } from './capacity/index';
import { clearanceFeature } from './clearance/index';
import { marketFeature } from './market/index';
import { noticesFeature } from './notices/index';
import { operationsFeature } from './operations/index';
import { plansFeature } from './plans/index';
import { tripsFeature } from './trips/index';
import type { Feature } from './types';
import { yardsFeature } from './yards/index';

export const features: readonly Feature[] = [plansFeature, tripsFeature, capacityFeature, yardsFeature, clearanceFeature, operationsFeature, noticesFeature, marketFeature];
