/**
 * Server-side printing: the API server converts objects to a `meta.k8s.io/v1` Table when a client
 * asks for `application/json;as=Table;v=v1;g=meta.k8s.io`, which is what `kubectl get` prints.
 * Each resource with a printer in pkg/printers/internalversion gets its columns (all of them, as
 * the server prints wide); the rest get DefaultTableConvertor's NAME and CREATED AT.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord } from '../../api/meta';
import { RESOURCE_TYPES, type ResourceType } from '../../api/resources';
import { apiServicePrinter, certificateSigningRequestPrinter, deviceClassPrinter, horizontalPodAutoscalerPrinter, podDisruptionBudgetPrinter, priorityClassPrinter, resourceClaimPrinter, resourceSlicePrinter, runtimeClassPrinter } from './cluster-misc';
import { flowSchemaPrinter, priorityLevelConfigurationPrinter, validatingAdmissionPolicyBindingPrinter, validatingAdmissionPolicyPrinter, webhookConfigurationPrinter } from './admission';
import { cronJobPrinter, jobPrinter } from './batch';
import { age, col, doc, name, NAME_COLUMN, timestampMs } from './cells';
import { componentStatusPrinter, configMapPrinter, leasePrinter, namespacePrinter, resourceQuotaPrinter, secretPrinter, serviceAccountPrinter } from './core-misc';
import { eventPrinter } from './events';
import { nodePrinter } from './nodes';
import { podPrinter, podTemplatePrinter } from './pods';
import { clusterRoleBindingPrinter, roleBindingPrinter } from './rbac';
import { endpointSlicePrinter, endpointsPrinter, ingressClassPrinter, ingressPrinter, ipAddressPrinter, networkPolicyPrinter, serviceCIDRPrinter, servicePrinter } from './services';
import { csiDriverPrinter, csiNodePrinter, persistentVolumeClaimPrinter, persistentVolumePrinter, storageClassPrinter, volumeAttachmentPrinter } from './storage';
import type { Printer, TableResponse, TableRow } from './types';
import { controllerRevisionPrinter, daemonSetPrinter, deploymentPrinter, replicaSetPrinter, replicationControllerPrinter, statefulSetPrinter } from './workloads';

export type { Cell, Printer, TableColumnDefinition, TableResponse, TableRow, TableRowCondition } from './types';

/**
 * Printers by `group/resource`. Absent on purpose (their storage registers the default
 * convertor): roles, clusterroles, limitranges, csistoragecapacities, customresourcedefinitions.
 */
const PRINTERS: Readonly<Record<string, Printer>> = {
  '/pods': podPrinter,
  '/podtemplates': podTemplatePrinter,
  '/nodes': nodePrinter,
  '/namespaces': namespacePrinter,
  '/services': servicePrinter,
  '/endpoints': endpointsPrinter,
  '/events': eventPrinter,
  '/configmaps': configMapPrinter,
  '/secrets': secretPrinter,
  '/serviceaccounts': serviceAccountPrinter,
  '/persistentvolumes': persistentVolumePrinter,
  '/persistentvolumeclaims': persistentVolumeClaimPrinter,
  '/replicationcontrollers': replicationControllerPrinter,
  '/resourcequotas': resourceQuotaPrinter,
  '/componentstatuses': componentStatusPrinter,
  'admissionregistration.k8s.io/mutatingwebhookconfigurations': webhookConfigurationPrinter,
  'admissionregistration.k8s.io/validatingwebhookconfigurations': webhookConfigurationPrinter,
  'admissionregistration.k8s.io/validatingadmissionpolicies': validatingAdmissionPolicyPrinter,
  'admissionregistration.k8s.io/validatingadmissionpolicybindings': validatingAdmissionPolicyBindingPrinter,
  'apiregistration.k8s.io/apiservices': apiServicePrinter,
  'apps/deployments': deploymentPrinter,
  'apps/replicasets': replicaSetPrinter,
  'apps/daemonsets': daemonSetPrinter,
  'apps/statefulsets': statefulSetPrinter,
  'apps/controllerrevisions': controllerRevisionPrinter,
  'autoscaling/horizontalpodautoscalers': horizontalPodAutoscalerPrinter,
  'batch/jobs': jobPrinter,
  'batch/cronjobs': cronJobPrinter,
  'certificates.k8s.io/certificatesigningrequests': certificateSigningRequestPrinter,
  'coordination.k8s.io/leases': leasePrinter,
  'discovery.k8s.io/endpointslices': endpointSlicePrinter,
  'events.k8s.io/events': eventPrinter,
  'flowcontrol.apiserver.k8s.io/flowschemas': flowSchemaPrinter,
  'flowcontrol.apiserver.k8s.io/prioritylevelconfigurations': priorityLevelConfigurationPrinter,
  'networking.k8s.io/ingresses': ingressPrinter,
  'networking.k8s.io/ingressclasses': ingressClassPrinter,
  'networking.k8s.io/networkpolicies': networkPolicyPrinter,
  'networking.k8s.io/servicecidrs': serviceCIDRPrinter,
  'networking.k8s.io/ipaddresses': ipAddressPrinter,
  'node.k8s.io/runtimeclasses': runtimeClassPrinter,
  'policy/poddisruptionbudgets': podDisruptionBudgetPrinter,
  'rbac.authorization.k8s.io/rolebindings': roleBindingPrinter,
  'rbac.authorization.k8s.io/clusterrolebindings': clusterRoleBindingPrinter,
  'resource.k8s.io/deviceclasses': deviceClassPrinter,
  'resource.k8s.io/resourceclaims': resourceClaimPrinter,
  'resource.k8s.io/resourceclaimtemplates': deviceClassPrinter,
  'resource.k8s.io/resourceslices': resourceSlicePrinter,
  'scheduling.k8s.io/priorityclasses': priorityClassPrinter,
  'storage.k8s.io/storageclasses': storageClassPrinter,
  'storage.k8s.io/csidrivers': csiDriverPrinter,
  'storage.k8s.io/csinodes': csiNodePrinter,
  'storage.k8s.io/volumeattachments': volumeAttachmentPrinter,
};

/** rest.NewDefaultTableConvertor: the name and the creation time in RFC 3339 (UTC). */
const DEFAULT_PRINTER: Printer = {
  columns: [NAME_COLUMN, col('Created At', 'date', doc('meta.ObjectMeta.creationTimestamp'))],
  row(o) {
    const created = timestampMs(o.metadata.creationTimestamp);
    // A zero time formats as Go's 0001-01-01T00:00:00Z.
    const text = created === undefined ? '0001-01-01T00:00:00Z' : new Date(Math.floor(created / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    return { cells: [name(o), text] };
  },
};

/**
 * Custom resources (apiextensions tableconvertor): NAME plus the CRD's additionalPrinterColumns,
 * which default to AGE. Caveat: the CRD's own printer columns are not consulted here.
 */
const CUSTOM_RESOURCE_PRINTER: Printer = {
  columns: [NAME_COLUMN, col('Age', 'date', doc('meta.ObjectMeta.creationTimestamp'))],
  row: (o, nowMs) => ({ cells: [name(o), age(o, nowMs)] }),
};

const BUILT_IN = new Set(RESOURCE_TYPES.map((t) => `${t.group}/${t.resource}`));

/** The printer the API server uses for a resource (exported for tests and discovery). */
export function printerFor(type: Pick<ResourceType, 'group' | 'resource'>): Printer {
  const key = `${type.group}/${type.resource}`;
  return PRINTERS[key] ?? (BUILT_IN.has(key) ? DEFAULT_PRINTER : CUSTOM_RESOURCE_PRINTER);
}

/** PartialObjectMetadata, as includeObject=Metadata (the default) returns each row's object. */
function partialObjectMetadata(o: KubeObject): Record<string, unknown> {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: isRecord(o.metadata) ? o.metadata : {} };
}

/**
 * Converts objects of one resource type to a Table, as kube-apiserver answers a get or list.
 * The caller sets list metadata (resourceVersion, continue) for lists; a single object's
 * resourceVersion is filled in here.
 */
export function convertToTable(type: ResourceType, objects: readonly KubeObject[], nowMs: number, options: { includeObject?: 'None' | 'Metadata' | 'Object' } = {}): TableResponse {
  const printer = printerFor(type);
  const include = options.includeObject ?? 'Metadata';
  const ordered = printer.order ? printer.order(objects) : objects;
  const rows: TableRow[] = ordered.map((o) => {
    const printed = printer.row(o, nowMs);
    const object = include === 'Object' ? o : include === 'Metadata' ? partialObjectMetadata(o) : null;
    return printed.conditions ? { cells: printed.cells, conditions: printed.conditions, object } : { cells: printed.cells, object };
  });
  const single = objects.length === 1 ? objects[0] : undefined;
  const resourceVersion = single && typeof single.metadata.resourceVersion === 'string' ? single.metadata.resourceVersion : undefined;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: resourceVersion !== undefined ? { resourceVersion } : {},
    columnDefinitions: printer.columns.map((c) => ({ ...c })),
    rows,
  };
}
