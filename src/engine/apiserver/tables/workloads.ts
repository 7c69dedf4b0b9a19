/** Workload controllers: Deployments, ReplicaSets, ReplicationControllers, DaemonSets, StatefulSets, ControllerRevisions. */
import { AGE_COLUMN, age, CONTAINERS_COLUMN, col, containerCells, controllerRef, doc, formatLabels, formatLabelSelector, IMAGES_COLUMN, int, kindSlashName, labelSelectorString, name, NAME_COLUMN, rec, str } from './cells';
import type { Printer } from './types';

/** spec.replicas as the API serves it: defaulted to 1 when unset. */
function replicas(spec: Record<string, unknown>): number {
  return int(spec.replicas, 1);
}

export const deploymentPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Ready', 'string', 'Number of the pod with ready state'),
    col('Up-to-date', 'string', doc('ext.DeploymentStatus.updatedReplicas')),
    col('Available', 'string', doc('ext.DeploymentStatus.availableReplicas')),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    col('Selector', 'string', doc('ext.DeploymentSpec.selector'), { priority: 1 }),
  ],
  row(o, nowMs) {
    const spec = rec(o.spec);
    const status = rec(o.status);
    const [containers, images] = containerCells(rec(spec.template).spec);
    // selector.String(): '' for an empty selector, `<invalid>` when it does not parse.
    const selector = labelSelectorString(spec.selector) ?? '<invalid>';
    return { cells: [name(o), `${int(status.readyReplicas)}/${replicas(spec)}`, int(status.updatedReplicas), int(status.availableReplicas), age(o, nowMs), containers, images, selector] };
  },
};

export const replicaSetPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Desired', 'integer', doc('ext.ReplicaSetSpec.replicas')),
    col('Current', 'integer', doc('ext.ReplicaSetStatus.replicas')),
    col('Ready', 'integer', doc('ext.ReplicaSetStatus.readyReplicas')),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    col('Selector', 'string', doc('ext.ReplicaSetSpec.selector'), { priority: 1 }),
  ],
  row(o, nowMs) {
    const spec = rec(o.spec);
    const status = rec(o.status);
    const [containers, images] = containerCells(rec(spec.template).spec);
    return { cells: [name(o), replicas(spec), int(status.replicas), int(status.readyReplicas), age(o, nowMs), containers, images, formatLabelSelector(spec.selector)] };
  },
};

export const replicationControllerPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Desired', 'integer', doc('core.ReplicationControllerSpec.replicas')),
    col('Current', 'integer', doc('core.ReplicationControllerStatus.replicas')),
    col('Ready', 'integer', doc('core.ReplicationControllerStatus.readyReplicas')),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    col('Selector', 'string', doc('core.ReplicationControllerSpec.selector'), { priority: 1 }),
  ],
  row(o, nowMs) {
    const spec = rec(o.spec);
    const status = rec(o.status);
    const [containers, images] = containerCells(rec(spec.template).spec);
    return { cells: [name(o), replicas(spec), int(status.replicas), int(status.readyReplicas), age(o, nowMs), containers, images, formatLabels(spec.selector)] };
  },
};

export const daemonSetPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Desired', 'integer', doc('ext.DaemonSetStatus.desiredNumberScheduled')),
    col('Current', 'integer', doc('ext.DaemonSetStatus.currentNumberScheduled')),
    col('Ready', 'integer', doc('ext.DaemonSetStatus.numberReady')),
    col('Up-to-date', 'integer', doc('ext.DaemonSetStatus.updatedNumberScheduled')),
    col('Available', 'integer', doc('ext.DaemonSetStatus.numberAvailable')),
    col('Node Selector', 'string', doc('core.PodSpec.nodeSelector')),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    col('Selector', 'string', doc('ext.DaemonSetSpec.selector'), { priority: 1 }),
  ],
  row(o, nowMs) {
    const spec = rec(o.spec);
    const status = rec(o.status);
    const podSpec = rec(rec(spec.template).spec);
    const [containers, images] = containerCells(podSpec);
    return {
      cells: [
        name(o),
        int(status.desiredNumberScheduled),
        int(status.currentNumberScheduled),
        int(status.numberReady),
        int(status.updatedNumberScheduled),
        int(status.numberAvailable),
        formatLabels(podSpec.nodeSelector),
        age(o, nowMs),
        containers,
        images,
        formatLabelSelector(spec.selector),
      ],
    };
  },
};

export const statefulSetPrinter: Printer = {
  columns: [NAME_COLUMN, col('Ready', 'string', 'Number of the pod with ready state'), AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN],
  row(o, nowMs) {
    const spec = rec(o.spec);
    const [containers, images] = containerCells(rec(spec.template).spec);
    return { cells: [name(o), `${int(rec(o.status).readyReplicas)}/${replicas(spec)}`, age(o, nowMs), containers, images] };
  },
};

export const controllerRevisionPrinter: Printer = {
  columns: [NAME_COLUMN, col('Controller', 'string', 'Controller of the object'), col('Revision', 'string', doc('appsb.ControllerRevision.revision')), AGE_COLUMN],
  row(o, nowMs) {
    const owner = controllerRef(o);
    const controller = owner ? kindSlashName(str(owner.apiVersion), str(owner.kind), str(owner.name)) : '<none>';
    return { cells: [name(o), controller, int(o.revision), age(o, nowMs)] };
  },
};
