/**
 * policy/v1 PodDisruptionBudget (pkg/registry/policy/poddisruptionbudget): the status is the
 * disruption controller's, reset on create; the generation starts at 1 and moves with the spec,
 * which is how the eviction handler knows whether the controller has seen the current spec.
 */
import { validateObjectMeta } from './object-meta';
import type { ResourceStrategy } from './strategy';

export const podDisruptionBudgetStrategy: ResourceStrategy = {
  hasStatusSubresource: true,
  validate: validateObjectMeta,
  prepareForCreate(object) {
    object.metadata.generation = 1;
    object.status = { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
  },
  prepareForUpdate(next, previous) {
    const changed = JSON.stringify(next.spec) !== JSON.stringify(previous.spec);
    next.metadata.generation = (previous.metadata.generation ?? 1) + (changed ? 1 : 0);
  },
};
