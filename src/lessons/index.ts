/** Every lesson, in curriculum order. */
import { lesson as clusterTour } from './01-cluster-tour/lesson';
import { lesson as schedulingBasics } from './06-scheduling-basics/lesson';
import { lesson as nodeFailure } from './09-node-failure/lesson';
import type { Lesson } from './types';

export const LESSONS: readonly Lesson[] = [clusterTour, schedulingBasics, nodeFailure];

export type { Lesson, Step, Check, CheckResult, ClusterView, Localized, Language } from './types';
export { viewOf } from './view';
