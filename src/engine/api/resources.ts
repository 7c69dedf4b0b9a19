/**
 * The built-in resource types of Kubernetes v1.34 that the API server serves (GroupVersionResource
 * table): kind, plural, short names, scope, categories and verbs, as discovery reports them, plus
 * where etcd stores each one. Only API versions enabled by default in v1.34 appear (beta APIs added
 * after 1.24 and all alpha APIs are off by default, so e.g. policy/v1beta1 PodSecurityPolicy is absent).
 */

export type ApiVerb = 'create' | 'delete' | 'deletecollection' | 'get' | 'list' | 'patch' | 'update' | 'watch';

export interface ResourceType {
  group: string;
  version: string;
  kind: string;
  /** Plural lower-case resource name used in URLs. */
  resource: string;
  singular: string;
  shortNames: readonly string[];
  namespaced: boolean;
  categories: readonly string[];
  verbs: readonly ApiVerb[];
  subresources: readonly string[];
  /** etcd key prefix under /registry (Kubernetes' historical names: nodes are "minions"). */
  storagePrefix: string;
  /** Where a v1.34 apiserver stores the same kind under another group too (events). */
  listKind?: string;
}

const ALL_VERBS: readonly ApiVerb[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const NO_COLLECTION_DELETE: readonly ApiVerb[] = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
const CREATE_ONLY: readonly ApiVerb[] = ['create'];

interface Spec {
  kind: string;
  resource: string;
  short?: string[];
  namespaced?: boolean;
  categories?: string[];
  verbs?: readonly ApiVerb[];
  sub?: string[];
  storage?: string;
}

function groupVersion(group: string, version: string, specs: Spec[]): ResourceType[] {
  return specs.map((s) => ({
    group,
    version,
    kind: s.kind,
    resource: s.resource,
    singular: s.kind.toLowerCase(),
    shortNames: s.short ?? [],
    namespaced: s.namespaced ?? true,
    categories: s.categories ?? [],
    verbs: s.verbs ?? ALL_VERBS,
    subresources: s.sub ?? [],
    storagePrefix: s.storage ?? s.resource,
  }));
}

/** Order matters: it is the order discovery lists groups (core first) and the order of "all". */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  ...groupVersion('', 'v1', [
    { kind: 'Binding', resource: 'bindings', verbs: CREATE_ONLY },
    { kind: 'ComponentStatus', resource: 'componentstatuses', short: ['cs'], namespaced: false, verbs: ['get', 'list'] },
    { kind: 'ConfigMap', resource: 'configmaps', short: ['cm'] },
    { kind: 'Endpoints', resource: 'endpoints', short: ['ep'], storage: 'services/endpoints' },
    { kind: 'Event', resource: 'events', short: ['ev'] },
    { kind: 'LimitRange', resource: 'limitranges', short: ['limits'] },
    { kind: 'Namespace', resource: 'namespaces', short: ['ns'], namespaced: false, verbs: NO_COLLECTION_DELETE, sub: ['finalize', 'status'] },
    { kind: 'Node', resource: 'nodes', short: ['no'], namespaced: false, sub: ['proxy', 'status'], storage: 'minions' },
    { kind: 'PersistentVolumeClaim', resource: 'persistentvolumeclaims', short: ['pvc'], sub: ['status'] },
    { kind: 'PersistentVolume', resource: 'persistentvolumes', short: ['pv'], namespaced: false, sub: ['status'] },
    { kind: 'Pod', resource: 'pods', short: ['po'], categories: ['all'], sub: ['attach', 'binding', 'ephemeralcontainers', 'eviction', 'exec', 'log', 'portforward', 'proxy', 'resize', 'status'] },
    { kind: 'PodTemplate', resource: 'podtemplates' },
    { kind: 'ReplicationController', resource: 'replicationcontrollers', short: ['rc'], categories: ['all'], sub: ['scale', 'status'] },
    { kind: 'ResourceQuota', resource: 'resourcequotas', short: ['quota'], sub: ['status'] },
    { kind: 'Secret', resource: 'secrets' },
    { kind: 'ServiceAccount', resource: 'serviceaccounts', short: ['sa'], sub: ['token'] },
    { kind: 'Service', resource: 'services', short: ['svc'], categories: ['all'], verbs: ALL_VERBS, sub: ['proxy', 'status'], storage: 'services/specs' },
  ]),
  ...groupVersion('admissionregistration.k8s.io', 'v1', [
    { kind: 'MutatingWebhookConfiguration', resource: 'mutatingwebhookconfigurations', namespaced: false, categories: ['api-extensions'] },
    { kind: 'ValidatingAdmissionPolicy', resource: 'validatingadmissionpolicies', namespaced: false, categories: ['api-extensions'], sub: ['status'] },
    { kind: 'ValidatingAdmissionPolicyBinding', resource: 'validatingadmissionpolicybindings', namespaced: false, categories: ['api-extensions'] },
    { kind: 'ValidatingWebhookConfiguration', resource: 'validatingwebhookconfigurations', namespaced: false, categories: ['api-extensions'] },
  ]),
  ...groupVersion('apiextensions.k8s.io', 'v1', [
    { kind: 'CustomResourceDefinition', resource: 'customresourcedefinitions', short: ['crd', 'crds'], namespaced: false, categories: ['api-extensions'], sub: ['status'], storage: 'apiextensions.k8s.io/customresourcedefinitions' },
  ]),
  ...groupVersion('apiregistration.k8s.io', 'v1', [
    { kind: 'APIService', resource: 'apiservices', namespaced: false, categories: ['api-extensions'], sub: ['status'], storage: 'apiregistration.k8s.io/apiservices' },
  ]),
  ...groupVersion('apps', 'v1', [
    { kind: 'ControllerRevision', resource: 'controllerrevisions' },
    { kind: 'DaemonSet', resource: 'daemonsets', short: ['ds'], categories: ['all'], sub: ['status'] },
    { kind: 'Deployment', resource: 'deployments', short: ['deploy'], categories: ['all'], sub: ['scale', 'status'] },
    { kind: 'ReplicaSet', resource: 'replicasets', short: ['rs'], categories: ['all'], sub: ['scale', 'status'] },
    { kind: 'StatefulSet', resource: 'statefulsets', short: ['sts'], categories: ['all'], sub: ['scale', 'status'] },
  ]),
  ...groupVersion('authentication.k8s.io', 'v1', [
    { kind: 'SelfSubjectReview', resource: 'selfsubjectreviews', namespaced: false, verbs: CREATE_ONLY },
    { kind: 'TokenReview', resource: 'tokenreviews', namespaced: false, verbs: CREATE_ONLY },
  ]),
  ...groupVersion('authorization.k8s.io', 'v1', [
    { kind: 'LocalSubjectAccessReview', resource: 'localsubjectaccessreviews', verbs: CREATE_ONLY },
    { kind: 'SelfSubjectAccessReview', resource: 'selfsubjectaccessreviews', namespaced: false, verbs: CREATE_ONLY },
    { kind: 'SelfSubjectRulesReview', resource: 'selfsubjectrulesreviews', namespaced: false, verbs: CREATE_ONLY },
    { kind: 'SubjectAccessReview', resource: 'subjectaccessreviews', namespaced: false, verbs: CREATE_ONLY },
  ]),
  ...groupVersion('autoscaling', 'v2', [
    { kind: 'HorizontalPodAutoscaler', resource: 'horizontalpodautoscalers', short: ['hpa'], categories: ['all'], sub: ['status'] },
  ]),
  ...groupVersion('batch', 'v1', [
    { kind: 'CronJob', resource: 'cronjobs', short: ['cj'], categories: ['all'], sub: ['status'] },
    { kind: 'Job', resource: 'jobs', categories: ['all'], sub: ['status'] },
  ]),
  ...groupVersion('certificates.k8s.io', 'v1', [
    { kind: 'CertificateSigningRequest', resource: 'certificatesigningrequests', short: ['csr'], namespaced: false, sub: ['approval', 'status'] },
  ]),
  ...groupVersion('coordination.k8s.io', 'v1', [{ kind: 'Lease', resource: 'leases' }]),
  ...groupVersion('discovery.k8s.io', 'v1', [{ kind: 'EndpointSlice', resource: 'endpointslices' }]),
  ...groupVersion('events.k8s.io', 'v1', [{ kind: 'Event', resource: 'events', short: ['ev'] }]),
  ...groupVersion('flowcontrol.apiserver.k8s.io', 'v1', [
    { kind: 'FlowSchema', resource: 'flowschemas', namespaced: false, sub: ['status'] },
    { kind: 'PriorityLevelConfiguration', resource: 'prioritylevelconfigurations', namespaced: false, sub: ['status'] },
  ]),
  ...groupVersion('networking.k8s.io', 'v1', [
    { kind: 'IngressClass', resource: 'ingressclasses', namespaced: false },
    { kind: 'Ingress', resource: 'ingresses', short: ['ing'], sub: ['status'] },
    { kind: 'IPAddress', resource: 'ipaddresses', short: ['ip'], namespaced: false },
    { kind: 'NetworkPolicy', resource: 'networkpolicies', short: ['netpol'] },
    { kind: 'ServiceCIDR', resource: 'servicecidrs', namespaced: false, sub: ['status'] },
  ]),
  ...groupVersion('node.k8s.io', 'v1', [{ kind: 'RuntimeClass', resource: 'runtimeclasses', namespaced: false }]),
  ...groupVersion('policy', 'v1', [{ kind: 'PodDisruptionBudget', resource: 'poddisruptionbudgets', short: ['pdb'], sub: ['status'] }]),
  ...groupVersion('rbac.authorization.k8s.io', 'v1', [
    { kind: 'ClusterRoleBinding', resource: 'clusterrolebindings', namespaced: false },
    { kind: 'ClusterRole', resource: 'clusterroles', namespaced: false },
    { kind: 'RoleBinding', resource: 'rolebindings' },
    { kind: 'Role', resource: 'roles' },
  ]),
  ...groupVersion('resource.k8s.io', 'v1', [
    { kind: 'DeviceClass', resource: 'deviceclasses', namespaced: false },
    { kind: 'ResourceClaim', resource: 'resourceclaims', sub: ['status'] },
    { kind: 'ResourceClaimTemplate', resource: 'resourceclaimtemplates' },
    { kind: 'ResourceSlice', resource: 'resourceslices', namespaced: false },
  ]),
  ...groupVersion('scheduling.k8s.io', 'v1', [{ kind: 'PriorityClass', resource: 'priorityclasses', short: ['pc'], namespaced: false }]),
  ...groupVersion('storage.k8s.io', 'v1', [
    { kind: 'CSIDriver', resource: 'csidrivers', namespaced: false },
    { kind: 'CSINode', resource: 'csinodes', namespaced: false },
    { kind: 'CSIStorageCapacity', resource: 'csistoragecapacities' },
    { kind: 'StorageClass', resource: 'storageclasses', short: ['sc'], namespaced: false },
    { kind: 'VolumeAttachment', resource: 'volumeattachments', namespaced: false, sub: ['status'] },
  ]),
];

/** Older versions still served in v1.34 for the same objects (same storage). */
export const EXTRA_SERVED_VERSIONS: readonly { group: string; version: string; resources: readonly string[] }[] = [
  { group: 'autoscaling', version: 'v1', resources: ['horizontalpodautoscalers'] },
];

export function apiVersionOf(type: Pick<ResourceType, 'group' | 'version'>): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

/** `pods`, `deployments.apps`: the name kubectl prints in errors ("deployments.apps "x" not found"). */
export function qualifiedResource(type: Pick<ResourceType, 'group' | 'resource'>): string {
  return type.group === '' ? type.resource : `${type.resource}.${type.group}`;
}

/** `pod`, `deployment.apps`: the prefix of kubectl's name printer ("deployment.apps/nginx created"). */
export function qualifiedKind(type: Pick<ResourceType, 'group' | 'kind'>): string {
  const lower = type.kind.toLowerCase();
  return type.group === '' ? lower : `${lower}.${type.group}`;
}

/** Serves look-ups on the resource table (built-ins plus custom resources registered at runtime). */
export class ResourceCatalog {
  private readonly types: ResourceType[] = [];
  private readonly byGroupResource = new Map<string, ResourceType>();
  private readonly byGroupVersionKind = new Map<string, ResourceType>();

  constructor(types: readonly ResourceType[] = RESOURCE_TYPES) {
    for (const t of types) this.add(t);
  }

  add(type: ResourceType): void {
    this.types.push(type);
    this.byGroupResource.set(`${type.group}/${type.version}/${type.resource}`, type);
    this.byGroupVersionKind.set(`${type.group}/${type.version}/${type.kind}`, type);
  }

  remove(group: string, resource: string): void {
    for (let i = this.types.length - 1; i >= 0; i--) {
      const t = this.types[i] as ResourceType;
      if (t.group === group && t.resource === resource) {
        this.types.splice(i, 1);
        this.byGroupResource.delete(`${t.group}/${t.version}/${t.resource}`);
        this.byGroupVersionKind.delete(`${t.group}/${t.version}/${t.kind}`);
      }
    }
  }

  all(): readonly ResourceType[] {
    return this.types;
  }

  /** By group, version and plural resource (URL form). Also resolves extra served versions. */
  byResource(group: string, version: string, resource: string): ResourceType | undefined {
    const direct = this.byGroupResource.get(`${group}/${version}/${resource}`);
    if (direct) return direct;
    const extra = EXTRA_SERVED_VERSIONS.find((e) => e.group === group && e.version === version && e.resources.includes(resource));
    if (!extra) return undefined;
    const base = this.types.find((t) => t.group === group && t.resource === resource);
    return base ? { ...base, version } : undefined;
  }

  /** By apiVersion and kind, as written in a manifest. */
  byKind(apiVersion: string, kind: string): ResourceType | undefined {
    const slash = apiVersion.indexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
    const direct = this.byGroupVersionKind.get(`${group}/${version}/${kind}`);
    if (direct) return direct;
    const base = this.types.find((t) => t.group === group && t.kind === kind);
    if (!base) return undefined;
    return this.byResource(group, version, base.resource);
  }

  /** Every served group/version, in discovery order. */
  groupVersions(): { group: string; versions: string[] }[] {
    const out: { group: string; versions: string[] }[] = [];
    const add = (group: string, version: string) => {
      let g = out.find((x) => x.group === group);
      if (!g) out.push((g = { group, versions: [] }));
      if (!g.versions.includes(version)) g.versions.push(version);
    };
    for (const t of this.types) add(t.group, t.version);
    for (const e of EXTRA_SERVED_VERSIONS) add(e.group, e.version);
    return out;
  }

  /** Resources of one group/version (for /apis/<group>/<version> discovery). */
  inGroupVersion(group: string, version: string): ResourceType[] {
    const direct = this.types.filter((t) => t.group === group && t.version === version);
    const extra = EXTRA_SERVED_VERSIONS.filter((e) => e.group === group && e.version === version).flatMap((e) =>
      e.resources.map((r) => this.byResource(group, version, r)).filter((t): t is ResourceType => t !== undefined),
    );
    return [...direct, ...extra];
  }
}
