/**
 * autoscaling/v2 HorizontalPodAutoscaler: defaulting (SetDefaults_HorizontalPodAutoscaler:
 * minReplicas 1, an 80% CPU utilization metric when none is given, and the default scaling rules
 * filled into a behavior that is given) and a fresh status on create.
 */
import { isRecord } from '../../api/meta';
import type { ResourceStrategy } from './strategy';
import { validateObjectMeta } from './object-meta';

const DEFAULT_SCALE_UP = { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] };
const DEFAULT_SCALE_DOWN = { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };

/** GenerateHPAScaleUpRules / GenerateHPAScaleDownRules: the defaults for what a given rule leaves out. */
function rules(given: unknown, defaults: Record<string, unknown>): Record<string, unknown> {
  const r = isRecord(given) ? { ...given } : {};
  for (const [k, v] of Object.entries(defaults)) if (r[k] === undefined) r[k] = v;
  return r;
}

export const horizontalPodAutoscalerStrategy: ResourceStrategy = {
  validate: validateObjectMeta,
  hasStatusSubresource: true,
  applyDefaults(object) {
    const spec = isRecord(object.spec) ? object.spec : {};
    if (spec.minReplicas === undefined) spec.minReplicas = 1;
    if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
    if (isRecord(spec.behavior)) spec.behavior = { scaleUp: rules(spec.behavior.scaleUp, DEFAULT_SCALE_UP), scaleDown: rules(spec.behavior.scaleDown, DEFAULT_SCALE_DOWN) };
    object.spec = spec;
  },
  prepareForCreate(object) {
    object.status = { currentMetrics: null, desiredReplicas: 0 };
  },
};
