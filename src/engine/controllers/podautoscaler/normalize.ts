/**
 * How the HPA turns a metric's proposal into the replica count it sets (horizontal.go): the
 * stabilization window over recent recommendations, then the scale rate limits and min/max. An
 * HPA without `spec.behavior` uses the controller's defaults (5-minute downscale stabilization;
 * scale up to max(2 × current, 4) at once); one with `behavior` uses its policies per period.
 */
export const DOWNSCALE_STABILIZATION_MS = 5 * 60_000;

export interface Recommendation {
  replicas: number;
  atMs: number;
}

export interface ScaleEvent {
  change: number;
  atMs: number;
}

export interface ScalingRules {
  stabilizationWindowSeconds: number;
  selectPolicy: 'Max' | 'Min' | 'Disabled';
  policies: { type: 'Pods' | 'Percent'; value: number; periodSeconds: number }[];
}

export interface Condition {
  status: 'True' | 'False';
  reason: string;
  message: string;
}

export interface Normalized {
  replicas: number;
  ableToScale: Condition;
  scalingLimited: Condition;
}

const READY: Condition = { status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' };
const WITHIN: Omit<Condition, 'status'> = { reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };

function limited(replicas: number, stabilized: number, reason: string, message: string): Condition {
  return { status: replicas === stabilized ? 'False' : 'True', reason, message };
}

/** normalizeDesiredReplicas: the path for an HPA without behavior. `history` is updated in place. */
export function normalizeLegacy(history: Recommendation[], nowMs: number, current: number, proposed: number, min: number, max: number): Normalized {
  let stabilized = proposed;
  let old = -1;
  for (let i = 0; i < history.length; i++) {
    const r = history[i] as Recommendation;
    if (r.atMs < nowMs - DOWNSCALE_STABILIZATION_MS) old = i;
    else if (r.replicas > stabilized) stabilized = r.replicas;
  }
  if (old >= 0) history[old] = { replicas: proposed, atMs: nowMs };
  else history.push({ replicas: proposed, atMs: nowMs });
  const ableToScale: Condition = stabilized !== proposed ? { status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' } : READY;
  const scaleUpLimit = Math.max(2 * current, 4);
  const [maxAllowed, reason, message] = max > scaleUpLimit ? [scaleUpLimit, 'ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate'] : [max, 'TooManyReplicas', 'the desired replica count is more than the maximum replica count'];
  let replicas = stabilized;
  let condition: Condition;
  if (stabilized < min) {
    replicas = min;
    condition = limited(replicas, stabilized, 'TooFewReplicas', 'the desired replica count is less than the minimum replica count');
  } else if (stabilized > maxAllowed) {
    replicas = maxAllowed;
    condition = limited(replicas, stabilized, reason, message);
  } else condition = { status: 'False', ...WITHIN };
  return { replicas, ableToScale, scalingLimited: condition };
}

function changeInPeriod(events: readonly ScaleEvent[], periodSeconds: number, nowMs: number): number {
  return events.filter((e) => e.atMs > nowMs - periodSeconds * 1000).reduce((s, e) => s + e.change, 0);
}

/** The highest count the scale-up policies allow now. */
export function scaleUpLimit(current: number, events: readonly ScaleEvent[], rules: ScalingRules, nowMs: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pick = rules.selectPolicy === 'Min' ? Math.min : Math.max;
  let result = rules.selectPolicy === 'Min' ? Number.MAX_SAFE_INTEGER : 0;
  for (const p of rules.policies) {
    const start = current - changeInPeriod(events, p.periodSeconds, nowMs);
    const proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
    result = pick(result, proposed);
  }
  return result;
}

/** The lowest count the scale-down policies allow now. */
export function scaleDownLimit(current: number, events: readonly ScaleEvent[], rules: ScalingRules, nowMs: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pick = rules.selectPolicy === 'Min' ? Math.max : Math.min;
  let result = rules.selectPolicy === 'Min' ? 0 : Number.MAX_SAFE_INTEGER;
  for (const p of rules.policies) {
    const start = current + changeInPeriod(events, p.periodSeconds, nowMs);
    const proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
    result = pick(result, proposed);
  }
  return result;
}

/** normalizeDesiredReplicasWithBehaviors. `history` is updated in place. */
export function normalizeWithBehavior(history: Recommendation[], up: ScalingRules, down: ScalingRules, upEvents: readonly ScaleEvent[], downEvents: readonly ScaleEvent[], nowMs: number, current: number, proposed: number, min: number, max: number): Normalized {
  const scalingUp = proposed >= current;
  const windowS = scalingUp ? up.stabilizationWindowSeconds : down.stabilizationWindowSeconds;
  const obsolete = nowMs - Math.max(up.stabilizationWindowSeconds, down.stabilizationWindowSeconds) * 1000;
  let stabilized = proposed;
  let old = -1;
  history.forEach((r, i) => {
    if (r.atMs > nowMs - windowS * 1000) stabilized = scalingUp ? Math.min(stabilized, r.replicas) : Math.max(stabilized, r.replicas);
    if (r.atMs < obsolete) old = i;
  });
  if (old >= 0) history[old] = { replicas: proposed, atMs: nowMs };
  else history.push({ replicas: proposed, atMs: nowMs });
  const ableToScale: Condition =
    stabilized === proposed ? READY : scalingUp ? { status: 'True', reason: 'ScaleUpStabilized', message: 'recent recommendations were lower than current one, applying the lowest recent recommendation' } : { status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' };
  let replicas = stabilized;
  let reason = WITHIN.reason;
  let message = WITHIN.message;
  if (stabilized > current) {
    const limit = Math.max(scaleUpLimit(current, upEvents, up, nowMs), current);
    const allowed = Math.min(max, limit);
    [reason, message] = max > limit ? ['ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate'] : ['TooManyReplicas', 'the desired replica count is more than the maximum replica count'];
    if (stabilized > allowed) replicas = allowed;
    else [reason, message] = [WITHIN.reason, WITHIN.message];
  } else if (stabilized < current) {
    const limit = Math.min(scaleDownLimit(current, downEvents, down, nowMs), current);
    const allowed = Math.max(min, limit);
    [reason, message] = min < limit ? ['ScaleDownLimit', 'the desired replica count is decreasing faster than the maximum scale rate'] : ['TooFewReplicas', 'the desired replica count is less than the minimum replica count'];
    if (stabilized < allowed) replicas = allowed;
    else [reason, message] = [WITHIN.reason, WITHIN.message];
  }
  return { replicas, ableToScale, scalingLimited: limited(replicas, stabilized, reason, message) };
}
