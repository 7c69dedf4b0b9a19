/**
 * apps/v1 and batch/v1 workloads: Kubernetes' defaults (SetDefaults_Deployment, _StatefulSet,
 * _DaemonSet, _Job, _CronJob, and the pod template's), generation tracking, and the validation a
 * learner hits most: selector required, selector matching the template labels, selector immutable,
 * template restart policy.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { fromLabelSelector, matches } from '../../api/labels';
import { forbidden, invalid, notSupported, required, type FieldError } from '../field-errors';
import { defaultPodSpec } from './pods';
import { validateObjectMeta } from './object-meta';
import type { ResourceStrategy } from './strategy';
import { CronParseError, parseCronSchedule } from '../../api/cron/cron-schedule';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function ensure(parent: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = parent[key];
  if (isRecord(v)) return v;
  const fresh: Record<string, unknown> = {};
  parent[key] = fresh;
  return fresh;
}

/** Defaults of a pod template (the pod spec's, without the create-time admission additions). */
function defaultTemplate(spec: Record<string, unknown>): void {
  const template = spec.template;
  if (!isRecord(template)) return;
  const podSpec = ensure(template, 'spec');
  defaultPodSpec(podSpec);
  ensure(template, 'metadata');
}

/** Go's %#v of a map[string]string: `map[string]string{"app":"web"}`. */
function goMap(labels: Record<string, unknown>): string {
  return `map[string]string{${Object.keys(labels)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(text(labels[k]))}`)
    .join(', ')}}`;
}

function validateSelectorAndTemplate(spec: Record<string, unknown>, restartPolicies: readonly string[]): FieldError[] {
  const problems: FieldError[] = [];
  const selector = spec.selector;
  const templateMeta = rec(rec(spec.template).metadata);
  const labels = rec(templateMeta.labels);
  if (!isRecord(selector)) problems.push(required('spec.selector'));
  else {
    const requirements = fromLabelSelector(selector);
    if (requirements.length === 0) problems.push(invalid('spec.selector', selector, 'empty selector is invalid for deployment'));
    else if (!matches(requirements, labels as Record<string, string>)) {
      problems.push({ ...invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'), renderedValue: goMap(labels) });
    }
  }
  if (!isRecord(spec.template)) problems.push(required('spec.template'));
  else {
    const podSpec = rec(rec(spec.template).spec);
    const containers = Array.isArray(podSpec.containers) ? podSpec.containers : [];
    if (containers.length === 0) problems.push(required('spec.template.spec.containers'));
    containers.forEach((c, i) => {
      const container = rec(c);
      if (!container.name) problems.push(required(`spec.template.spec.containers[${i}].name`));
      if (!container.image) problems.push(required(`spec.template.spec.containers[${i}].image`));
    });
    const policy = text(podSpec.restartPolicy);
    if (policy && !restartPolicies.includes(policy)) problems.push(notSupported('spec.template.spec.restartPolicy', policy, restartPolicies));
  }
  if (spec.replicas !== undefined && (typeof spec.replicas !== 'number' || !Number.isInteger(spec.replicas) || spec.replicas < 0)) {
    problems.push(invalid('spec.replicas', spec.replicas, 'must be greater than or equal to 0'));
  }
  return problems;
}

function selectorImmutable(next: KubeObject, previous: KubeObject): FieldError[] {
  const a = JSON.stringify(rec(previous.spec).selector ?? null);
  const b = JSON.stringify(rec(next.spec).selector ?? null);
  return a === b ? [] : [invalid('spec.selector', rec(next.spec).selector, 'field is immutable')];
}

interface WorkloadRules {
  defaults(spec: Record<string, unknown>): void;
  restartPolicies: readonly string[];
  validateSpec?(spec: Record<string, unknown>): FieldError[];
  /** Jobs generate their own selector; their template labels are checked then. */
  generatedSelector?: boolean;
  /** Update rules in place of the immutable-selector check. */
  validateUpdate?(next: Record<string, unknown>, previous: Record<string, unknown>): FieldError[];
  /** dropDisabledFields: fields of features off by default in 1.34, cleared unless the old object used them. */
  dropDisabledFields?(next: Record<string, unknown>, previous: Record<string, unknown> | undefined): void;
}

function workloadStrategy(rules: WorkloadRules): ResourceStrategy {
  return {
    hasStatusSubresource: true,
    applyDefaults(object) {
      const spec = ensure(object, 'spec');
      rules.defaults(spec);
      defaultTemplate(spec);
    },
    prepareForCreate(object) {
      object.metadata.generation = 1;
      delete object.status;
      if (rules.generatedSelector) generateJobSelector(object);
      rules.dropDisabledFields?.(ensure(object, 'spec'), undefined);
    },
    prepareForUpdate(next, previous) {
      rules.dropDisabledFields?.(ensure(next, 'spec'), rec(previous.spec));
      const changed = JSON.stringify(next.spec) !== JSON.stringify(previous.spec);
      next.metadata.generation = (previous.metadata.generation ?? 1) + (changed ? 1 : 0);
    },
    validate(object) {
      const spec = rec(object.spec);
      return [...validateObjectMeta(object), ...validateSelectorAndTemplate(spec, rules.restartPolicies), ...(rules.validateSpec?.(spec) ?? [])];
    },
    validateUpdate: (next, previous) => rules.validateUpdate?.(rec(next.spec), rec(previous.spec)) ?? selectorImmutable(next, previous),
  };
}

/** The StatefulSet spec fields an update may change (ValidateStatefulSetUpdate). */
const STATEFULSET_MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

function rollingUpdate(spec: Record<string, unknown>, defaults: Record<string, unknown>): void {
  const strategy = ensure(spec, 'strategy');
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = ensure(strategy, 'rollingUpdate');
    for (const [k, v] of Object.entries(defaults)) ru[k] ??= v;
  }
}

export const deploymentStrategy = workloadStrategy({
  restartPolicies: ['Always'],
  defaults(spec) {
    spec.replicas ??= 1;
    rollingUpdate(spec, { maxUnavailable: '25%', maxSurge: '25%' });
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
  },
  validateSpec(spec) {
    const strategy = rec(spec.strategy);
    if (strategy.type === 'Recreate' && strategy.rollingUpdate !== undefined) return [forbidden('spec.strategy.rollingUpdate', 'may not be specified when strategy `type` is \'Recreate\'')];
    if (strategy.type !== undefined && !['RollingUpdate', 'Recreate'].includes(text(strategy.type))) return [notSupported('spec.strategy.type', strategy.type, ['Recreate', 'RollingUpdate'])];
    return [];
  },
});

export const replicaSetStrategy = workloadStrategy({
  restartPolicies: ['Always'],
  defaults(spec) {
    spec.replicas ??= 1;
  },
});

export const statefulSetStrategy = workloadStrategy({
  restartPolicies: ['Always'],
  defaults(spec) {
    spec.replicas ??= 1;
    spec.podManagementPolicy ??= 'OrderedReady';
    const update = ensure(spec, 'updateStrategy');
    update.type ??= 'RollingUpdate';
    if (update.type === 'RollingUpdate') ensure(update, 'rollingUpdate').partition ??= 0;
    spec.revisionHistoryLimit ??= 10;
    const retention = ensure(spec, 'persistentVolumeClaimRetentionPolicy');
    retention.whenDeleted ??= 'Retain';
    retention.whenScaled ??= 'Retain';
    // Each claim template is defaulted as a claim (SetDefaults_PersistentVolumeClaim and its spec's).
    for (const claim of Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates.filter(isRecord) : []) {
      claim.apiVersion ??= 'v1';
      claim.kind ??= 'PersistentVolumeClaim';
      ensure(claim, 'spec').volumeMode ??= 'Filesystem';
      ensure(claim, 'status').phase ??= 'Pending';
    }
  },
  validateSpec(spec) {
    const problems: FieldError[] = [];
    const policy = text(spec.podManagementPolicy);
    if (policy !== 'OrderedReady' && policy !== 'Parallel') problems.push(invalid('spec.podManagementPolicy', policy, "must be 'OrderedReady' or 'Parallel'"));
    const partition = rec(rec(spec.updateStrategy).rollingUpdate).partition;
    if (typeof partition === 'number' && partition < 0) problems.push(invalid('spec.updateStrategy.rollingUpdate.partition', partition, 'must be greater than or equal to 0'));
    return problems;
  },
  validateUpdate(next, previous) {
    const rest = (spec: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(spec).filter(([k]) => !STATEFULSET_MUTABLE.includes(k)).sort(([a], [b]) => (a < b ? -1 : 1))));
    return rest(next) === rest(previous) ? [] : [forbidden('spec', `updates to statefulset spec for fields other than '${STATEFULSET_MUTABLE.slice(0, -1).join("', '")}' and 'minReadySeconds' are forbidden`)];
  },
  // MaxUnavailableStatefulSet is alpha (off) in 1.34: rollingUpdate.maxUnavailable is dropped.
  dropDisabledFields(next, previous) {
    const inUse = rec(rec(rec(previous).updateStrategy).rollingUpdate).maxUnavailable !== undefined;
    if (!inUse) delete rec(rec(next.updateStrategy).rollingUpdate).maxUnavailable;
  },
});

const daemonSetBase = workloadStrategy({
  restartPolicies: ['Always'],
  defaults(spec) {
    const update = ensure(spec, 'updateStrategy');
    update.type ??= 'RollingUpdate';
    if (update.type === 'RollingUpdate') {
      const ru = ensure(update, 'rollingUpdate');
      ru.maxUnavailable ??= 1;
      ru.maxSurge ??= 0;
    }
    spec.revisionHistoryLimit ??= 10;
  },
});

const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

/**
 * DaemonSets also count template changes (spec.templateGeneration, shown in apps/v1 as the
 * `deprecated.daemonset.template.generation` annotation): 1 on create, one more per template change.
 */
export const daemonSetStrategy: ResourceStrategy = {
  ...daemonSetBase,
  prepareForCreate(object, context) {
    const errors = daemonSetBase.prepareForCreate?.(object, context);
    object.metadata.annotations = { ...(object.metadata.annotations ?? {}), [TEMPLATE_GENERATION]: '1' };
    return errors;
  },
  prepareForUpdate(next, previous, context) {
    daemonSetBase.prepareForUpdate?.(next, previous, context);
    const before = Number(previous.metadata.annotations?.[TEMPLATE_GENERATION] ?? 1);
    const changed = JSON.stringify(rec(next.spec).template) !== JSON.stringify(rec(previous.spec).template);
    next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [TEMPLATE_GENERATION]: String(before + (changed ? 1 : 0)) };
  },
};

/** The labels and selector a Job gets from its uid (unless spec.manualSelector). */
function generateJobSelector(job: KubeObject): void {
  const spec = ensure(job, 'spec');
  if (spec.manualSelector === true) return;
  const uid = text(job.metadata.uid);
  const name = text(job.metadata.name);
  const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name };
  spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
  const template = ensure(spec, 'template');
  const meta = ensure(template, 'metadata');
  meta.labels = { ...rec(meta.labels), ...labels };
}

export const jobStrategy: ResourceStrategy = {
  ...workloadStrategy({
    restartPolicies: ['OnFailure', 'Never'],
    generatedSelector: true,
    defaults(spec) {
      if (spec.completions === undefined && spec.parallelism === undefined) {
        spec.completions = 1;
        spec.parallelism = 1;
      }
      spec.parallelism ??= 1;
      spec.backoffLimit ??= 6;
      spec.completionMode ??= 'NonIndexed';
      spec.suspend ??= false;
      // A pod failure policy implies replacing only pods that have fully failed (SetDefaults_Job).
      spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
    },
  }),
  validate(object) {
    const spec = rec(object.spec);
    const problems = validateObjectMeta(object);
    for (const field of ['parallelism', 'completions', 'backoffLimit']) {
      const value = spec[field];
      if (typeof value === 'number' && value < 0) problems.push(invalid(`spec.${field}`, value, 'must be greater than or equal to 0'));
    }
    if (spec.completionMode === 'Indexed' && typeof spec.completions !== 'number') problems.push(required('spec.completions', 'when completion mode is Indexed'));
    else if (spec.completionMode !== undefined && spec.completionMode !== 'NonIndexed' && spec.completionMode !== 'Indexed') problems.push(notSupported('spec.completionMode', spec.completionMode, ['NonIndexed', 'Indexed']));
    const template = rec(spec.template);
    const podSpec = rec(template.spec);
    const policy = text(podSpec.restartPolicy);
    if (!policy || policy === 'Always') problems.push(notSupported('spec.template.spec.restartPolicy', policy || 'Always', ['OnFailure', 'Never']));
    const containers = Array.isArray(podSpec.containers) ? podSpec.containers : [];
    if (containers.length === 0) problems.push(required('spec.template.spec.containers'));
    containers.forEach((c, i) => {
      if (!rec(c).image) problems.push(required(`spec.template.spec.containers[${i}].image`));
    });
    return problems;
  },
  // A Job's pod template is immutable (except for suspended jobs' scheduling directives).
  validateUpdate(next, previous) {
    const a = JSON.stringify(rec(previous.spec).template ?? null);
    const b = JSON.stringify(rec(next.spec).template ?? null);
    return [...selectorImmutable(next, previous), ...(a === b ? [] : [invalid('spec.template', rec(next.spec).template, 'field is immutable')])];
  },
};

/** validateScheduleFormat: robfig/cron's parse error, and no TZ= inside the schedule. */
function scheduleProblems(schedule: string): FieldError[] {
  const problems: FieldError[] = [];
  try {
    parseCronSchedule(schedule);
  } catch (e) {
    if (!(e instanceof CronParseError)) throw e;
    problems.push(invalid('spec.schedule', schedule, e.message));
  }
  if (schedule.includes('TZ')) problems.push(invalid('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  return problems;
}

/**
 * validateTimeZone's name checks. Whether the zone exists is not checked here: the lab models
 * only some zones (api/cron/time-zones), and the controller reports the others.
 */
function timeZoneProblems(timeZone: unknown): FieldError[] {
  if (typeof timeZone !== 'string') return [];
  if (timeZone === '') return [invalid('spec.timeZone', timeZone, 'timeZone must be nil or non-empty string')];
  if (timeZone.split('/').some((part) => part === '.' || part === '..' || part.startsWith('-') || !/^[A-Za-z.\-_0-9+]{1,14}$/.test(part))) return [invalid('spec.timeZone', timeZone, `unknown time zone ${timeZone}`)];
  if (timeZone.toLowerCase() === 'local') return [invalid('spec.timeZone', timeZone, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones')];
  return [];
}

export const cronJobStrategy: ResourceStrategy = {
  hasStatusSubresource: true,
  applyDefaults(object) {
    const spec = ensure(object, 'spec');
    spec.concurrencyPolicy ??= 'Allow';
    spec.suspend ??= false;
    spec.successfulJobsHistoryLimit ??= 3;
    spec.failedJobsHistoryLimit ??= 1;
    const jobSpec = ensure(ensure(spec, 'jobTemplate'), 'spec');
    jobSpec.backoffLimit ??= 6;
    jobSpec.completionMode ??= 'NonIndexed';
    jobSpec.suspend ??= false;
    jobSpec.podReplacementPolicy ??= jobSpec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
    defaultTemplate(jobSpec);
  },
  prepareForCreate(object) {
    object.metadata.generation = 1;
    delete object.status;
  },
  prepareForUpdate(next, previous) {
    const changed = JSON.stringify(next.spec) !== JSON.stringify(previous.spec);
    next.metadata.generation = (previous.metadata.generation ?? 1) + (changed ? 1 : 0);
  },
  validate(object) {
    const problems = validateObjectMeta(object);
    const spec = rec(object.spec);
    if (!text(spec.schedule)) problems.push(required('spec.schedule'));
    else problems.push(...scheduleProblems(text(spec.schedule)));
    problems.push(...timeZoneProblems(spec.timeZone));
    const podSpec = rec(rec(rec(rec(spec.jobTemplate).spec).template).spec);
    const policy = text(podSpec.restartPolicy);
    if (!policy || policy === 'Always') problems.push(notSupported('spec.jobTemplate.spec.template.spec.restartPolicy', policy || 'Always', ['OnFailure', 'Never']));
    return problems;
  },
};
