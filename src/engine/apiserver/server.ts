/**
 * kube-apiserver: the only component that touches the store. Handles REST-shaped requests
 * (`{ method, path, query, body }`) with Kubernetes semantics: discovery, get/list/watch,
 * create/update/patch/delete with defaulting, validation, admission, optimistic concurrency,
 * graceful deletion and finalizers, subresources, and server-side Table printing.
 */
import type { Random, SimLoop } from '../clock';
import { randomUid, generateName } from '../clock';
import type { KubeObject, StatusObject } from '../api/meta';
import { deepCopy, isRecord, sameJsonAnyKeyOrder, text } from '../api/meta';
import { ResourceCatalog, apiVersionOf, type ResourceType } from '../api/resources';
import { SelectorParseError, equalityRequirements, matches, parseSelector, type Selector } from '../api/labels';
import { FieldSelectorError, checkFieldsSupported, fieldValue, matchesFields, parseFieldSelector, type FieldRequirement } from '../api/fields';
import type { KeyValue, Store, StoreEvent } from '../store';
import type { ApiRequest, ApiResponse, WatchEvent } from '../types';
import type { TrafficEvent } from '../protocol';
import * as errors from './errors';
import { parseRequestInfo, type ResourceRequestInfo } from './request-info';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, SERVER_VERSION } from './discovery';
import { ObjectIndexes } from './indexes';
import { ClusterIPAllocator, NodePortAllocator } from './allocators';
import { STRATEGIES, genericStrategy } from './registry';
import type { ResourceStrategy, StrategyContext } from './registry/strategy';
import { convertToTable } from './tables';
import { applyMergePatch } from './patch/json-merge-patch';
import { applyJsonPatch, JsonPatchError } from './patch/json-patch';
import { applyStrategicMergePatch } from './patch/strategic-merge-patch';
import { APPLY_PATCH, validateWriteOptions } from './request-options';
import { applyConfiguration, recordCreate, recordUpdate, type TrackingScope } from './field-tracking';
import { parseYamlStream } from '../kubectl/yaml/parse';
import { handleSubresource } from './subresources';
import { mutatingAdmission, validatingAdmission, type QuotaCharge } from './admission';
import { openapiV2, openapiV3 } from './openapi';
import { formatRfc3339 } from '../api/time';
import { dataMapsError, metadataMapsError, unmarshalError } from '../api/decode-errors';
import { exceedsJsonBytes } from './request-size';
import { coreToEventsV1, eventsV1ToCore } from './conversion/events';
import { apiServiceForPath, proxyToAPIService, remoteGroups, type AggregatedBackend, type AggregatorStore } from './aggregator';
import { decodeFields, strictDecodingError, withWarnings } from './field-validation';
import { goSprint } from '../kubectl/printers/go-format';
import { goJson, sortKeys } from '../kubectl/printers/jsonpath';

function isEventsV1(type: ResourceType): boolean {
  return type.group === 'events.k8s.io';
}

export interface ApiServerOptions {
  loop: SimLoop;
  store: Store<KubeObject>;
  random: Random;
  serviceCIDR?: string;
  /** Address clients use to reach the server (discovery's serverAddressByClientCIDRs). */
  advertiseAddress?: string;
  onTraffic?: (event: TrafficEvent) => void;
}

type Result = ApiResponse;

function respond(status: number, body: unknown, warnings?: string[]): Result {
  return warnings && warnings.length ? { status, body, warnings } : { status, body };
}

function fail(status: StatusObject): Result {
  return { status: status.code, body: status };
}

const ENDPOINTS_WARNING = 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

/** The aggregated groups follow the built-in ones in `/apis` (their groupPriorityMinimum is lower). */
function withRemoteGroups(list: Record<string, unknown>, remote: Record<string, unknown>[]): Record<string, unknown> {
  const groups = Array.isArray(list.groups) ? (list.groups as Record<string, unknown>[]) : [];
  return { ...list, groups: [...groups, ...remote.filter((r) => !groups.some((g) => g.name === r.name))] };
}

/** etcd refuses a put larger than its --max-request-bytes (the object as stored, measured here as JSON). */
function tooLargeForEtcd(object: unknown): boolean {
  return exceedsJsonBytes(object, errors.ETCD_MAX_REQUEST_BYTES);
}

export class ApiServer {
  readonly catalog = new ResourceCatalog();
  private readonly indexes = new ObjectIndexes();
  private readonly clusterIPs: ClusterIPAllocator;
  private readonly nodePorts: NodePortAllocator;
  private readonly context: StrategyContext;
  /** Where kube-aggregator reaches the servers of remote APIServices (set by the cluster). */
  aggregatedBackend: AggregatedBackend | undefined;

  constructor(private readonly options: ApiServerOptions) {
    this.clusterIPs = new ClusterIPAllocator(options.serviceCIDR ?? '10.96.0.0/16', options.random.fork('clusterip'));
    this.nodePorts = new NodePortAllocator(options.random.fork('nodeport'));
    const names = options.random.fork('names');
    this.context = {
      get nowRfc3339() {
        return formatRfc3339(options.loop.nowMs());
      },
      random: names,
      allocateClusterIP: (requested) => this.clusterIPs.allocate(requested),
      releaseClusterIP: (ip) => this.clusterIPs.release(ip),
      allocateNodePort: (requested) => this.nodePorts.allocate(requested),
      releaseNodePort: (port) => this.nodePorts.release(port),
      list: (group, resource, namespace) => {
        const type = this.catalog.all().find((t) => t.group === group && t.resource === resource);
        return type ? this.store.range(this.prefixFor(type, namespace)).kvs.map((kv) => kv.value) : [];
      },
      get: (group, resource, namespace, name) => {
        const type = this.catalog.all().find((t) => t.group === group && t.resource === resource);
        return type ? this.store.get(this.keyFor(type, namespace, name))?.value : undefined;
      },
    };
  }

  /** kube-aggregator's reads of APIServices, Services and EndpointSlices (built once: every request consults it). */
  private aggregatorStoreValue: AggregatorStore | undefined;
  private get aggregatorStore(): AggregatorStore {
    if (this.aggregatorStoreValue) return this.aggregatorStoreValue;
    const ctx = this.context;
    return (this.aggregatorStoreValue = {
      apiService: (name) => ctx.get('apiregistration.k8s.io', 'apiservices', undefined, name),
      apiServices: () => ctx.list('apiregistration.k8s.io', 'apiservices', undefined),
      service: (namespace, name) => ctx.get('', 'services', namespace, name),
      endpointSlices: (namespace, service) => ctx.list('discovery.k8s.io', 'endpointslices', namespace).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === service),
    });
  }

  private get store(): Store<KubeObject> {
    return this.options.store;
  }

  /** The User-Agent of the request being handled: its product name is the default field manager. */
  private userAgent = '';

  private trackingScope(type: ResourceType, query: Record<string, string>, subresource?: string): TrackingScope {
    const scope: TrackingScope = { type, hasStatus: this.strategyFor(type).hasStatusSubresource === true, query, userAgent: this.userAgent, nowMs: this.now };
    if (subresource) scope.subresource = subresource;
    return scope;
  }

  private get now(): number {
    return this.options.loop.nowMs();
  }

  /** Rebuilds indexes and allocator state from the store (after a snapshot restore). */
  reindex(): void {
    for (const kv of this.store.range('/registry/').kvs) this.track(kv.key, undefined, kv.value);
  }

  handle(request: ApiRequest): ApiResponse {
    const query = request.query ?? {};
    const agent = request.userAgent ?? 'unknown';
    this.userAgent = request.userAgent ?? '';
    let response: ApiResponse;
    try {
      const writes = request.method === 'POST' || request.method === 'PUT' || request.method === 'PATCH';
      if (writes && request.body !== undefined && exceedsJsonBytes(request.body, errors.MAX_REQUEST_BODY_BYTES)) response = fail(errors.requestEntityTooLarge(errors.MAX_REQUEST_BODY_BYTES));
      else response = this.route(request, query);
    } catch (error) {
      // A bug in a handler must not take the whole simulation down: answer 500 like the real server.
      response = fail(errors.internalError(error instanceof Error ? error.message : String(error)));
    }
    this.options.onTraffic?.({ atMs: this.now, from: agent, to: 'kube-apiserver', verb: request.method, path: request.path, code: response.status });
    return response;
  }

  private route(request: ApiRequest, query: Record<string, string>): ApiResponse {
    if (request.path === '/openapi/v2') return request.method === 'GET' ? respond(200, openapiV2()) : fail(errors.pathNotFound());
    if (request.path === '/openapi/v3' || request.path.startsWith('/openapi/v3/')) {
      if (request.method !== 'GET') return fail(errors.pathNotFound());
      const doc = openapiV3(this.catalog, request.path.slice('/openapi/v3'.length).replace(/^\//, ''));
      return doc ? respond(200, doc) : fail(errors.pathNotFound());
    }
    const remote = apiServiceForPath(this.aggregatorStore, request.path);
    if (remote) return proxyToAPIService(this.aggregatorStore, this.aggregatedBackend, remote, { ...request, query });
    const info = parseRequestInfo(request.method, request.path, query);
    switch (info.kind) {
      case 'version':
        return respond(200, { ...SERVER_VERSION });
      case 'healthz':
        return respond(200, 'ok');
      case 'discovery-root':
        if (info.prefix === 'api') return respond(200, apiVersions(this.options.advertiseAddress ?? '172.18.0.2:6443'));
        return respond(200, withRemoteGroups(apiGroupList(this.catalog), remoteGroups(this.aggregatorStore)));
      case 'discovery-group': {
        const remoteGroup = remoteGroups(this.aggregatorStore).find((r) => r.name === info.group);
        if (remoteGroup) return respond(200, { kind: 'APIGroup', apiVersion: 'v1', ...remoteGroup });
        const g = apiGroup(this.catalog, info.group);
        return g ? respond(200, g) : fail(errors.pathNotFound());
      }
      case 'discovery-version': {
        const list = apiResourceList(this.catalog, info.group, info.version);
        return list ? respond(200, list) : fail(errors.pathNotFound());
      }
      case 'unknown':
        return fail(errors.pathNotFound());
      case 'resource':
        return this.handleResource(request, info, query);
    }
  }

  private handleResource(request: ApiRequest, info: ResourceRequestInfo, query: Record<string, string>): ApiResponse {
    const type = this.catalog.byResource(info.group, info.version, info.resource);
    if (!type) return fail(errors.pathNotFound());
    if (!type.namespaced && info.namespace !== undefined) return fail(errors.pathNotFound());
    const optionsError = validateWriteOptions(info.verb, query, mediaOf(request.contentType));
    if (optionsError) return fail(optionsError);
    const warnings = type.group === '' && type.resource === 'endpoints' ? [ENDPOINTS_WARNING] : undefined;
    let result: ApiResponse;
    if (info.subresource) {
      if (!type.subresources.includes(info.subresource)) return fail(errors.pathNotFound());
      result = handleSubresource(this, type, info, request, query);
    } else {
      result = this.handleMain(request, type, info, query);
    }
    return warnings ? { ...result, warnings: [...(result.warnings ?? []), ...warnings] } : result;
  }

  private handleMain(request: ApiRequest, type: ResourceType, info: ResourceRequestInfo, query: Record<string, string>): ApiResponse {
    const verbAllowed = (verb: string) => (type.verbs as readonly string[]).includes(verb);
    switch (info.verb) {
      case 'get':
        if (!verbAllowed('get')) return fail(errors.methodNotSupported(type, 'get'));
        return this.get(type, info.namespace, info.name as string, request.accept, query);
      case 'list':
        if (!verbAllowed('list')) return fail(errors.methodNotSupported(type, 'list'));
        return this.list(type, info.namespace, query, request.accept);
      case 'watch':
        return fail(errors.badRequest('watch requests are served through ApiServer.watch'));
      case 'create':
        if (info.name !== undefined) return fail(errors.methodNotSupported(type, 'create'));
        if (!verbAllowed('create')) return fail(errors.methodNotSupported(type, 'create'));
        return this.create(type, info.namespace, request.body, query);
      case 'update':
        return this.update(type, info.namespace, info.name as string, request.body, query, 'main');
      case 'patch':
        return this.patch(type, info.namespace, info.name as string, request.body, request.contentType ?? '', query, 'main');
      case 'delete':
        return this.delete(type, info.namespace, info.name as string, request.body, query);
      case 'deletecollection':
        if (!verbAllowed('deletecollection')) return fail(errors.methodNotSupported(type, 'deletecollection'));
        return this.deleteCollection(type, info.namespace, request.body, query);
      default:
        return fail(errors.methodNotSupported(type, info.verb));
    }
  }

  // ---- keys and reads ------------------------------------------------------------------------

  keyFor(type: ResourceType, namespace: string | undefined, name: string): string {
    return type.namespaced ? `/registry/${type.storagePrefix}/${namespace ?? ''}/${name}` : `/registry/${type.storagePrefix}/${name}`;
  }

  private prefixFor(type: ResourceType, namespace: string | undefined): string {
    return type.namespaced && namespace !== undefined ? `/registry/${type.storagePrefix}/${namespace}/` : `/registry/${type.storagePrefix}/`;
  }

  strategyFor(type: ResourceType): ResourceStrategy {
    return STRATEGIES[`${type.group}/${type.resource}`] ?? genericStrategy;
  }

  /** The stored object, as this request's apiVersion shows it. */
  read(type: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    const kv = this.store.get(this.keyFor(type, namespace, name));
    return kv ? this.present(type, kv.value) : undefined;
  }

  /** A stored object as this type's API version shows it (events.k8s.io renames Event fields). */
  private present(type: ResourceType, object: KubeObject): KubeObject {
    if (isEventsV1(type)) return coreToEventsV1(object);
    const apiVersion = apiVersionOf(type);
    return object.apiVersion === apiVersion ? object : { ...object, apiVersion };
  }

  /** A request body in the shape storage keeps (the inverse of `present`). */
  private toStorage(type: ResourceType, object: KubeObject): KubeObject {
    if (isEventsV1(type)) return { ...eventsV1ToCore(object), kind: 'Event', apiVersion: 'v1' };
    return { ...object, apiVersion: apiVersionOf(type), kind: type.kind };
  }

  private get(type: ResourceType, namespace: string | undefined, name: string, accept: string | undefined, query: Record<string, string>): ApiResponse {
    const object = this.read(type, namespace, name);
    if (!object) return fail(errors.notFound(type, name));
    if (wantsTable(accept)) return respond(200, convertToTable(type, [object], this.now, { includeObject: includeObjectOf(query) }));
    return respond(200, object);
  }

  /** Filters and selectors of a list or watch, parsed once. */
  private parseSelectors(type: ResourceType, query: Record<string, string>): { labels: Selector; fields: FieldRequirement[] } | StatusObject {
    let labels: Selector;
    let fields: FieldRequirement[];
    try {
      labels = parseSelector(query.labelSelector ?? '');
    } catch (e) {
      if (e instanceof SelectorParseError) return errors.badRequest(e.message);
      throw e;
    }
    try {
      fields = parseFieldSelector(query.fieldSelector ?? '');
    } catch (e) {
      if (e instanceof FieldSelectorError) return errors.badRequest(e.message);
      throw e;
    }
    const unsupported = checkFieldsSupported(`${type.group}/${type.resource}`, fields);
    if (unsupported) return errors.badRequest(unsupported);
    return { labels, fields };
  }

  /** Objects of a type in a namespace (or all), filtered; uses the label and node indexes when it can. */
  select(type: ResourceType, namespace: string | undefined, labels: Selector, fields: readonly FieldRequirement[]): KubeObject[] {
    const prefix = this.prefixFor(type, namespace);
    let kvs: KeyValue<KubeObject>[] | undefined;
    const nodeReq = type.group === '' && type.resource === 'pods' ? fields.find((f) => f.field === 'spec.nodeName' && f.operator === '=' && f.value !== '') : undefined;
    const nameReq = fields.find((f) => f.field === 'metadata.name' && f.operator === '=');
    if (nameReq && (namespace !== undefined || !type.namespaced)) {
      const kv = this.store.get(this.keyFor(type, namespace, nameReq.value));
      kvs = kv ? [kv] : [];
    } else if (nodeReq) {
      kvs = this.fromKeys(this.indexes.podsOnNode(nodeReq.value), prefix);
    } else {
      const eq = equalityRequirements(labels)[0];
      if (eq) kvs = this.fromKeys(this.indexes.withLabel(type.storagePrefix, eq.key, eq.values[0] as string), prefix);
    }
    kvs ??= this.store.range(prefix).kvs;
    const out: KubeObject[] = [];
    for (const kv of kvs) {
      if (!matches(labels, kv.value.metadata.labels)) continue;
      const shown = this.present(type, kv.value);
      if (matchesFields(fields, shown)) out.push(shown);
    }
    return out;
  }

  private fromKeys(keys: ReadonlySet<string>, prefix: string): KeyValue<KubeObject>[] {
    const out: KeyValue<KubeObject>[] = [];
    for (const key of keys) {
      if (!key.startsWith(prefix)) continue;
      const kv = this.store.get(key);
      if (kv) out.push(kv);
    }
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  private list(type: ResourceType, namespace: string | undefined, query: Record<string, string>, accept: string | undefined): ApiResponse {
    const selectors = this.parseSelectors(type, query);
    if ('kind' in selectors) return fail(selectors);
    let items = this.select(type, namespace, selectors.labels, selectors.fields);
    const revision = String(this.store.revision);
    const metadata: Record<string, unknown> = { resourceVersion: revision };
    const limit = Number(query.limit ?? 0);
    if (query.continue) {
      const start = Number(query.continue);
      if (!Number.isInteger(start) || start < 0) return fail(errors.badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)'));
      items = items.slice(start);
    }
    if (limit > 0 && items.length > limit) {
      const offset = Number(query.continue ?? 0) + limit;
      metadata.continue = String(offset);
      metadata.remainingItemCount = items.length - limit;
      items = items.slice(0, limit);
    }
    if (wantsTable(accept)) {
      const table = convertToTable(type, items, this.now, { includeObject: includeObjectOf(query) });
      return respond(200, { ...table, metadata });
    }
    return respond(200, { kind: `${type.kind}List`, apiVersion: apiVersionOf(type), metadata, items });
  }

  // ---- watch ---------------------------------------------------------------------------------

  /**
   * Streams changes of a collection. `resourceVersion` "" or "0" starts with ADDED events for
   * everything that exists (as a fresh watch from the cache does); a number resumes after it.
   * Objects leaving the selector arrive as DELETED, entering ones as ADDED.
   */
  watch(path: string, query: Record<string, string>, onEvent: (event: WatchEvent) => void, userAgent = 'unknown', accept?: string): () => void {
    if (wantsTable(accept)) {
      // Each event carries a one-row Table; the first one also carries the column definitions.
      let first = true;
      const include = includeObjectOf(query);
      const raw = onEvent;
      onEvent = (event) => {
        if (event.type === 'ERROR' || event.type === 'BOOKMARK') return raw(event);
        const found = parseRequestInfo('GET', path, {});
        const t = found.kind === 'resource' ? this.catalog.byResource(found.group, found.version, found.resource) : undefined;
        if (!t) return raw(event);
        const table = convertToTable(t, [event.object], this.now, { includeObject: include });
        const object = first ? table : { ...table, columnDefinitions: null };
        first = false;
        raw({ type: event.type, object: { ...object, metadata: { resourceVersion: event.object.metadata.resourceVersion } } });
      };
    }
    const info = parseRequestInfo('GET', path, { ...query, watch: 'true' });
    const type = info.kind === 'resource' ? this.catalog.byResource(info.group, info.version, info.resource) : undefined;
    if (info.kind !== 'resource' || !type) {
      onEvent({ type: 'ERROR', object: errors.pathNotFound() as unknown as KubeObject });
      return () => undefined;
    }
    const selectors = this.parseSelectors(type, query);
    if ('kind' in selectors) {
      onEvent({ type: 'ERROR', object: selectors as unknown as KubeObject });
      return () => undefined;
    }
    const namespace = info.namespace;
    const single = info.name ?? selectors.fields.find((f) => f.field === 'metadata.name' && f.operator === '=')?.value;
    const prefix = single !== undefined && (namespace !== undefined || !type.namespaced) ? this.keyFor(type, namespace, single) : this.prefixFor(type, namespace);
    const visible = (o: KubeObject | undefined) => o !== undefined && matches(selectors.labels, o.metadata.labels) && matchesFields(selectors.fields, o) && (single === undefined || o.metadata.name === single);
    const rv = query.resourceVersion ?? '';
    let from = 0;
    if (rv === '' || rv === '0') {
      for (const object of this.select(type, namespace, selectors.labels, selectors.fields)) {
        if (single !== undefined && object.metadata.name !== single) continue;
        this.options.loop.enqueue('watch initial', () => onEvent({ type: 'ADDED', object }));
      }
    } else {
      from = Number(rv);
      if (!Number.isFinite(from)) {
        onEvent({ type: 'ERROR', object: errors.badRequest(`invalid resource version: ${rv}`) as unknown as KubeObject });
        return () => undefined;
      }
    }
    const deliver = (event: StoreEvent<KubeObject>) => {
      // A prefix of `/registry/pods/default/nginx` also matches `nginx2`; keep exact keys only.
      if (single !== undefined && event.kv.key !== prefix) return;
      const after = event.type === 'PUT' ? this.present(type, event.kv.value) : undefined;
      const before = event.prevKv ? this.present(type, event.prevKv.value) : undefined;
      const inAfter = visible(after);
      const inBefore = visible(before);
      let out: WatchEvent | undefined;
      if (event.type === 'DELETE') {
        if (inBefore && before) out = { type: 'DELETED', object: withResourceVersion(before, event.revision) };
      } else if (inAfter && after) {
        out = { type: inBefore ? 'MODIFIED' : 'ADDED', object: after };
      } else if (inBefore && before) {
        out = { type: 'DELETED', object: withResourceVersion(before, event.revision) };
      }
      if (out) {
        this.options.onTraffic?.({ atMs: this.now, from: 'kube-apiserver', to: userAgent, verb: 'WATCH', path, code: 200 });
        onEvent(out);
      }
    };
    // An equality requirement routes the watch: the store visits it only for objects that have (or had) that value.
    const routeBy = selectors.fields.find((f) => f.operator === '=');
    const route = routeBy && { name: `${type.group}/${type.version}/${type.resource}:${routeBy.field}`, valueOf: (o: KubeObject) => fieldValue(this.present(type, o), routeBy.field), value: routeBy.value };
    const started = this.store.watch(prefix, from, deliver, route);
    if (!started.ok) {
      onEvent({ type: 'ERROR', object: errors.gone(`too old resource version: ${from} (${started.compactRevision})`) as unknown as KubeObject });
      return () => undefined;
    }
    return started.cancel;
  }

  // ---- writes --------------------------------------------------------------------------------

  /** Writes and index maintenance go through here so indexes always match the store. */
  private track(key: string, previous: KubeObject | undefined, next: KubeObject | undefined): void {
    const storagePrefix = key.split('/')[2] ?? '';
    const resourceKey = key.startsWith('/registry/services/') ? `services/${key.split('/')[3] ?? ''}` : storagePrefix;
    this.indexes.update(resourceKey === 'services/specs' ? 'services/specs' : storagePrefix, key, previous, next);
    if (!previous && next && storagePrefix === 'services' && key.startsWith('/registry/services/specs/')) this.reserveServiceAddresses(next);
  }

  private reserveServiceAddresses(service: KubeObject): void {
    const spec = isRecord(service.spec) ? service.spec : {};
    if (typeof spec.clusterIP === 'string' && spec.clusterIP !== 'None' && spec.clusterIP !== '') this.clusterIPs.allocate(spec.clusterIP);
    for (const p of Array.isArray(spec.ports) ? spec.ports : []) if (isRecord(p) && typeof p.nodePort === 'number') this.nodePorts.allocate(p.nodePort);
  }

  private checkNamespace(type: ResourceType, namespace: string | undefined, creating: boolean): StatusObject | undefined {
    if (!type.namespaced) return undefined;
    if (namespace === undefined || namespace === '') return errors.badRequest('the server could not find the requested resource');
    const ns = this.store.get(`/registry/namespaces/${namespace}`)?.value;
    if (!ns) return errors.notFound({ group: '', resource: 'namespaces' }, namespace);
    if (creating && ns.metadata.deletionTimestamp) {
      return errors.forbidden(type, '', `unable to create new content in namespace ${namespace} because it is being terminated`);
    }
    return undefined;
  }

  /** Creates an object. Exposed for subresources (bindings create nothing, evictions delete). */
  create(type: ResourceType, namespace: string | undefined, body: unknown, query: Record<string, string>): ApiResponse {
    if (!isRecord(body)) return fail(errors.badRequest('Object \'Kind\' is missing in \'null\''));
    const shape = this.checkShape(type, body as KubeObject, namespace);
    if (shape) return fail(shape);
    const decoded = this.decodeBody(type, deepCopy(body) as KubeObject, query);
    if ('status' in decoded) return fail(decoded.status);
    return withWarnings(this.createDecoded(type, namespace, decoded.object, query), decoded.warnings);
  }

  /**
   * The strict decoder's pass over a create or update body: unknown fields are dropped, and fail
   * the request under fieldValidation=Strict in the decoder's words.
   */
  private decodeBody(type: ResourceType, object: KubeObject, query: Record<string, string>): { object: KubeObject; warnings: string[] } | { status: StatusObject } {
    const decoded = decodeFields(apiVersionOf(type), type.kind, object, query);
    if (decoded.fails) return { status: errors.badRequest(`${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: ${strictDecodingError(decoded.unknown)}`) };
    return { object, warnings: decoded.warnings };
  }

  private createDecoded(type: ResourceType, namespace: string | undefined, body: KubeObject, query: Record<string, string>, applied = false): ApiResponse {
    const object = this.toStorage(type, body);
    object.metadata = isRecord(object.metadata) ? object.metadata : {};
    const meta = object.metadata;
    if (type.namespaced) meta.namespace = namespace;
    else delete meta.namespace;
    if (!meta.name && meta.generateName) meta.name = generateName(this.context.random, String(meta.generateName));
    const name = typeof meta.name === 'string' ? meta.name : '';
    if (!name) return fail(errors.invalid(type.kind, type.group, '', [{ type: 'FieldValueRequired', field: 'metadata.name', detail: 'name or generateName is required' }]));
    const nsError = this.checkNamespace(type, namespace, true);
    if (nsError) return fail(nsError);
    // Server-owned fields: whatever the client sent is replaced.
    meta.uid = randomUid(this.context.random);
    meta.creationTimestamp = formatRfc3339(this.now);
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    delete meta.selfLink;
    const strategy = this.strategyFor(type);
    strategy.applyDefaults?.(object, this.context);
    // The field manager runs after decoding (defaults) and before admission, as create.go orders it.
    if (!applied) recordCreate(this.trackingScope(type, query), object);
    mutatingAdmission(type, object, namespace, this.context);
    const refused = strategy.admit?.(object, this.context);
    if (refused !== undefined) return fail(errors.forbidden(type, name, refused));
    const prepErrors = strategy.prepareForCreate?.(object, this.context) ?? [];
    const problems = [...prepErrors, ...(strategy.validate?.(object, this.context) ?? [])];
    if (problems.length) {
      this.releaseAllocations(strategy, object);
      return fail(errors.invalid(type.kind, type.group, name, problems));
    }
    const admitted = validatingAdmission(type, object, namespace, this.context);
    if ('refused' in admitted) {
      this.releaseAllocations(strategy, object);
      return fail(errors.forbidden(type, name, admitted.refused));
    }
    const key = this.keyFor(type, namespace, name);
    if (isDryRun(query)) {
      this.releaseAllocations(strategy, object);
      if (this.store.get(key)) return fail(errors.alreadyExists(type, name));
      return respond(201, this.present(type, object));
    }
    meta.resourceVersion = String(this.store.revision + 1);
    if (tooLargeForEtcd(object)) {
      this.releaseAllocations(strategy, object);
      return fail(errors.etcdRequestTooLarge());
    }
    const result = this.store.create(key, object);
    if (!result.ok) {
      this.releaseAllocations(strategy, object);
      return fail(errors.alreadyExists(type, name));
    }
    this.track(key, undefined, result.kv.value);
    this.chargeQuotas(admitted.charges);
    return respond(201, this.present(type, result.kv.value));
  }

  /** Records admitted usage in each quota's status, as the ResourceQuota plugin does. */
  private chargeQuotas(charges: readonly QuotaCharge[]): void {
    const quotaType = this.catalog.all().find((t) => t.group === '' && t.resource === 'resourcequotas');
    if (!quotaType) return;
    for (const { quota, used } of charges) {
      const entry = this.storeEntry(quotaType, quota.metadata.namespace, String(quota.metadata.name));
      if (!entry) continue;
      const next = deepCopy(entry.value);
      next.status = { ...(isRecord(next.status) ? next.status : {}), used };
      this.commitUpdate(quotaType, entry.key, entry, next, {}, 'status', 'none');
    }
  }

  private releaseAllocations(strategy: ResourceStrategy, object: KubeObject): void {
    strategy.afterDelete?.(object, this.context);
  }

  /** The body names the right kind and apiVersion, and the right namespace. */
  private checkShape(type: ResourceType, object: KubeObject, namespace: string | undefined): StatusObject | undefined {
    const expected = apiVersionOf(type);
    // Fields of the wrong JSON type fail decoding, as Go's encoding/json reports it.
    const cannotHandle = (field: string, got: unknown, want: string) =>
      errors.badRequest(`${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: ${unmarshalError(got, type.kind, field, want)}`);
    for (const field of ['kind', 'apiVersion'] as const) if (object[field] !== undefined && typeof object[field] !== 'string') return cannotHandle(field, object[field], 'string');
    if (object.metadata !== undefined && !isRecord(object.metadata)) return cannotHandle('metadata', object.metadata, 'v1.ObjectMeta');
    const metaError = metadataMapsError(object.metadata) ?? dataMapsError(type.kind, object);
    if (metaError) return errors.badRequest(`${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: ${metaError}`);
    if (typeof object.kind === 'string' && object.kind !== '' && object.kind !== type.kind) {
      return errors.badRequest(`the API version in the data (${String(object.apiVersion)}) does not match the expected API version (${expected})`);
    }
    if (typeof object.apiVersion === 'string' && object.apiVersion !== '' && object.apiVersion !== expected) {
      const sameGroup = this.catalog.byKind(object.apiVersion, type.kind);
      if (!sameGroup || sameGroup.resource !== type.resource) return errors.badRequest(`the API version in the data (${object.apiVersion}) does not match the expected API version (${expected})`);
    }
    if (isRecord(object.metadata) && type.namespaced && typeof object.metadata.namespace === 'string' && object.metadata.namespace !== '' && object.metadata.namespace !== namespace) {
      return errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    return undefined;
  }

  /**
   * Replaces an object (PUT). `part` says which part the request may change: the main resource
   * keeps the stored status, the status subresource keeps everything but status.
   */
  update(type: ResourceType, namespace: string | undefined, name: string, body: unknown, query: Record<string, string>, part: 'main' | 'status'): ApiResponse {
    if (!isRecord(body)) return fail(errors.badRequest('Object \'Kind\' is missing in \'null\''));
    const key = this.keyFor(type, namespace, name);
    const current = this.store.get(key);
    if (!current) return fail(errors.notFound(type, name));
    const shape = this.checkShape(type, body as KubeObject, namespace);
    if (shape) return fail(shape);
    const decoded = this.decodeBody(type, deepCopy(body) as KubeObject, query);
    if ('status' in decoded) return fail(decoded.status);
    const next = this.toStorage(type, decoded.object);
    if (!isRecord(next.metadata)) next.metadata = {};
    if (next.metadata.name !== undefined && next.metadata.name !== name) {
      return withWarnings(fail(errors.badRequest(`the name of the object (${String(next.metadata.name)}) does not match the name on the URL (${name})`)), decoded.warnings);
    }
    const rv = next.metadata.resourceVersion;
    if (rv !== undefined && rv !== '' && rv !== String(current.modRevision)) return withWarnings(fail(errors.conflict(type, name, errors.STALE_OBJECT_MESSAGE)), decoded.warnings);
    return withWarnings(this.commitUpdate(type, key, current, next, query, part), decoded.warnings);
  }

  /** Shared tail of update and patch: server-owned fields, strategy, validation, finalizer-driven deletion. */
  commitUpdate(type: ResourceType, key: string, current: KeyValue<KubeObject>, proposed: KubeObject, query: Record<string, string>, part: 'main' | 'status', track: Tracking = {}): ApiResponse {
    const previous = current.value;
    const strategy = this.strategyFor(type);
    let next: KubeObject;
    if (part === 'status') {
      next = { ...deepCopy(previous), status: deepCopy(proposed.status) };
      if (proposed.status === undefined) delete next.status;
    } else {
      next = proposed;
      if (strategy.hasStatusSubresource && previous.status !== undefined) next.status = deepCopy(previous.status);
      else if (strategy.hasStatusSubresource) delete next.status;
    }
    const meta = next.metadata;
    // Immutable, server-owned metadata.
    meta.name = previous.metadata.name;
    if (type.namespaced) meta.namespace = previous.metadata.namespace;
    meta.uid = previous.metadata.uid;
    meta.creationTimestamp = previous.metadata.creationTimestamp;
    if (previous.metadata.generateName !== undefined) meta.generateName = previous.metadata.generateName;
    if (previous.metadata.deletionTimestamp) {
      meta.deletionTimestamp = previous.metadata.deletionTimestamp;
      if (previous.metadata.deletionGracePeriodSeconds !== undefined) meta.deletionGracePeriodSeconds = previous.metadata.deletionGracePeriodSeconds;
    } else {
      delete meta.deletionTimestamp;
      delete meta.deletionGracePeriodSeconds;
    }
    if (previous.metadata.generation !== undefined && meta.generation === undefined) meta.generation = previous.metadata.generation;
    next.apiVersion = previous.apiVersion;
    next.kind = previous.kind;
    strategy.applyDefaults?.(next, this.context);
    if (track !== 'none' && track !== 'applied') recordUpdate(this.trackingScope(type, query, part === 'status' ? 'status' : track.subresource), previous, next);
    if (part === 'main') strategy.prepareForUpdate?.(next, previous, this.context);
    else if (previous.metadata.generation !== undefined) meta.generation = previous.metadata.generation;
    const problems = [...(strategy.validate?.(next, this.context) ?? []), ...(strategy.validateUpdate?.(next, previous, this.context) ?? [])];
    if (problems.length) return fail(errors.invalid(type.kind, type.group, String(meta.name), problems));
    if (previous.metadata.deletionTimestamp && (previous.metadata.deletionGracePeriodSeconds ?? 0) === 0 && (meta.finalizers ?? []).length === 0 && !hasSpecFinalizers(type, next)) {
      // The last finalizer is gone and no graceful deletion is pending: the object is deleted now
      // (the generic registry's shouldDeleteDuringUpdate; a terminating pod waits for its kubelet).
      if (isDryRun(query)) return respond(200, this.present(type, next));
      return this.remove(type, key, current, query);
    }
    if (sameContent(previous, next)) return respond(200, this.present(type, previous));
    if (isDryRun(query)) return respond(200, this.present(type, next));
    meta.resourceVersion = String(this.store.revision + 1);
    if (tooLargeForEtcd(next)) return fail(errors.etcdRequestTooLarge());
    const result = this.store.update(key, next, current.modRevision);
    if (!result.ok) return fail(errors.conflict(type, String(meta.name), errors.STALE_OBJECT_MESSAGE));
    this.track(key, previous, result.kv.value);
    return respond(200, this.present(type, result.kv.value));
  }

  patch(type: ResourceType, namespace: string | undefined, name: string, body: unknown, contentType: string, query: Record<string, string>, part: 'main' | 'status'): ApiResponse {
    const media = mediaOf(contentType);
    if (media === APPLY_PATCH) return this.apply(type, namespace, name, body, query, part);
    const key = this.keyFor(type, namespace, name);
    const current = this.store.get(key);
    if (!current) return fail(errors.notFound(type, name));
    let patched: unknown;
    let patchBody: unknown;
    try {
      patchBody = typeof body === 'string' ? (JSON.parse(body) as unknown) : body;
      const live = this.present(type, current.value);
      if (media === 'application/merge-patch+json') patched = applyMergePatch(copyForMergePatch(live), patchBody);
      else if (media === 'application/json-patch+json') patched = applyJsonPatch(deepCopy(live), patchBody);
      else if (media === 'application/strategic-merge-patch+json') patched = applyStrategicMergePatch(copyForMergePatch(live), patchBody);
      else return fail(errors.unsupportedMediaType(media));
    } catch (e) {
      if (e instanceof JsonPatchError || e instanceof SyntaxError) return fail(errors.invalid(type.kind, type.group, name, [{ type: 'FieldValueInvalid', field: '', value: undefined, detail: e.message }]));
      throw e;
    }
    if (!isRecord(patched) || !isRecord(patched.metadata)) return fail(errors.badRequest('Object \'Kind\' is missing in \'null\''));
    const decoded = decodeFields(apiVersionOf(type), type.kind, patched, query);
    if (decoded.fails) {
      // patch.go: a strategic merge patch shows the patch as Go prints a map, the others the patched object's JSON.
      const shown = media === 'application/strategic-merge-patch+json' ? goSprint(patchBody) : goJson(patched);
      return fail(errors.invalid('', '', '', [{ type: 'FieldValueInvalid', field: 'patch', value: shown, detail: strictDecodingError(decoded.unknown) }]));
    }
    const next = this.toStorage(type, patched as KubeObject);
    const rv = next.metadata.resourceVersion;
    if (rv !== undefined && rv !== String(current.modRevision)) return withWarnings(fail(errors.conflict(type, name, errors.STALE_OBJECT_MESSAGE)), decoded.warnings);
    return withWarnings(this.commitUpdate(type, key, current, next, query, part), decoded.warnings);
  }

  /** Server-side apply: creates the object when it does not exist, else merges onto it. */
  private apply(type: ResourceType, namespace: string | undefined, name: string, body: unknown, query: Record<string, string>, part: 'main' | 'status'): ApiResponse {
    const parsed = typeof body === 'string' ? parseYamlStream(body) : { ok: true as const, documents: [body] };
    if (!parsed.ok) return fail(errors.badRequest(parsed.message));
    const config = parsed.documents[0];
    if (!isRecord(config)) return fail(errors.badRequest('Object \'Kind\' is missing in \'null\''));
    const shape = this.checkShape(type, config as KubeObject, namespace);
    if (shape) return fail(shape);
    const decoded = decodeFields(apiVersionOf(type), type.kind, config, query);
    if (decoded.fails) return fail(errors.badRequest(`${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: ${strictDecodingError(decoded.unknown)}`));
    const key = this.keyFor(type, namespace, name);
    const current = this.store.get(key);
    const scope = this.trackingScope(type, query, part === 'status' ? 'status' : undefined);
    const applied = applyConfiguration(scope, current ? this.present(type, current.value) : undefined, config);
    if ('status' in applied) return withWarnings(fail(applied.status), decoded.warnings);
    const object = applied.object;
    if (!isRecord(object.metadata)) object.metadata = {};
    if (object.metadata.name !== undefined && object.metadata.name !== name) {
      return fail(errors.badRequest(`the name of the object (${String(object.metadata.name)}) does not match the name on the URL (${name})`));
    }
    object.metadata.name = name;
    if (!current) return withWarnings(this.createDecoded(type, namespace, object, query, true), decoded.warnings);
    return withWarnings(this.commitUpdate(type, key, current, this.toStorage(type, object), query, part, 'applied'), decoded.warnings);
  }

  // ---- deletes -------------------------------------------------------------------------------

  delete(type: ResourceType, namespace: string | undefined, name: string, body: unknown, query: Record<string, string>): ApiResponse {
    if (!(type.verbs as readonly string[]).includes('delete')) return fail(errors.methodNotSupported(type, 'delete'));
    const key = this.keyFor(type, namespace, name);
    const current = this.store.get(key);
    if (!current) return fail(errors.notFound(type, name));
    const options = isRecord(body) ? body : {};
    const preconditions = isRecord(options.preconditions) ? options.preconditions : {};
    if (typeof preconditions.uid === 'string' && preconditions.uid !== current.value.metadata.uid) {
      return fail(errors.conflict(type, name, `Precondition failed: UID in precondition: ${preconditions.uid}, UID in object meta: ${String(current.value.metadata.uid)}`));
    }
    if (typeof preconditions.resourceVersion === 'string' && preconditions.resourceVersion !== String(current.modRevision)) {
      return fail(errors.conflict(type, name, `Precondition failed: ResourceVersion in precondition: ${preconditions.resourceVersion}, ResourceVersion in object meta: ${current.modRevision}`));
    }
    const propagation = text(query.propagationPolicy ?? options.propagationPolicy ?? (options.orphanDependents === true ? 'Orphan' : 'Background'));
    const graceRaw = query.gracePeriodSeconds ?? options.gracePeriodSeconds;
    const grace = graceRaw === undefined ? undefined : Number(graceRaw);
    const object = current.value;
    const finalizers = [...(object.metadata.finalizers ?? [])];
    if (propagation === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
    if (propagation === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');

    const graceSeconds = this.gracePeriodFor(type, object, grace);
    const mustWait = finalizers.length > 0 || hasSpecFinalizers(type, object) || graceSeconds > 0;
    if (!mustWait) return this.remove(type, key, current, query);

    // Graceful deletion: mark it; the kubelet (pods) or the finalizer's owner completes it.
    const next = deepCopy(object);
    const already = object.metadata.deletionTimestamp !== undefined;
    const currentGrace = object.metadata.deletionGracePeriodSeconds;
    if (already && !(graceSeconds < (currentGrace ?? Infinity))) {
      if (finalizers.length === (object.metadata.finalizers ?? []).length) return respond(200, this.present(type, object));
    }
    next.metadata.finalizers = finalizers.length ? finalizers : undefined;
    if (!next.metadata.finalizers) delete next.metadata.finalizers;
    next.metadata.deletionTimestamp = formatRfc3339(this.now + graceSeconds * 1000);
    next.metadata.deletionGracePeriodSeconds = graceSeconds;
    if (type.group === '' && type.resource === 'namespaces') next.status = { ...(isRecord(object.status) ? object.status : {}), phase: 'Terminating' };
    if (isDryRun(query)) return respond(200, next);
    next.metadata.resourceVersion = String(this.store.revision + 1);
    if (tooLargeForEtcd(next)) return fail(errors.etcdRequestTooLarge());
    const result = this.store.update(key, next, current.modRevision);
    if (!result.ok) return fail(errors.conflict(type, name, errors.STALE_OBJECT_MESSAGE));
    this.track(key, object, result.kv.value);
    return respond(200, this.present(type, result.kv.value));
  }

  /** Seconds of grace a deletion gets: only pods bound to a node wait for their kubelet. */
  private gracePeriodFor(type: ResourceType, object: KubeObject, requested: number | undefined): number {
    if (!(type.group === '' && type.resource === 'pods')) return 0;
    const spec = isRecord(object.spec) ? object.spec : {};
    const status = isRecord(object.status) ? object.status : {};
    if (typeof spec.nodeName !== 'string' || spec.nodeName === '') return 0;
    if (status.phase === 'Succeeded' || status.phase === 'Failed') return 0;
    const fallback = typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : 30;
    const value = requested !== undefined && Number.isFinite(requested) ? requested : fallback;
    // A request for 0 seconds without --force still gets 1 second (kubectl sends 1 for --grace-period=0 --force... the server forces 0 only via force).
    return Math.max(0, Math.floor(value));
  }

  private remove(type: ResourceType, key: string, current: KeyValue<KubeObject>, query: Record<string, string>): ApiResponse {
    if (isDryRun(query)) return respond(200, this.present(type, current.value));
    const result = this.store.delete(key, current.modRevision);
    if (!result.ok) return fail(errors.conflict(type, String(current.value.metadata.name), errors.STALE_OBJECT_MESSAGE));
    this.track(key, current.value, undefined);
    this.strategyFor(type).afterDelete?.(current.value, this.context);
    return respond(200, withResourceVersion(this.present(type, current.value), result.revision));
  }

  private deleteCollection(type: ResourceType, namespace: string | undefined, body: unknown, query: Record<string, string>): ApiResponse {
    const selectors = this.parseSelectors(type, query);
    if ('kind' in selectors) return fail(selectors);
    const items = this.select(type, namespace, selectors.labels, selectors.fields);
    const deleted: KubeObject[] = [];
    for (const item of items) {
      const r = this.delete(type, item.metadata.namespace, String(item.metadata.name), body, query);
      if (r.status < 300) deleted.push(r.body as KubeObject);
    }
    return respond(200, { kind: `${type.kind}List`, apiVersion: apiVersionOf(type), metadata: { resourceVersion: String(this.store.revision) }, items: deleted });
  }

  /** Writes `next` over `current` with no strategy (the binding registry's direct update). */
  replaceRaw(type: ResourceType, current: KeyValue<KubeObject>, next: KubeObject): ApiResponse {
    next.metadata.resourceVersion = String(this.store.revision + 1);
    if (tooLargeForEtcd(next)) return fail(errors.etcdRequestTooLarge());
    const result = this.store.update(current.key, next, current.modRevision);
    if (!result.ok) return fail(errors.conflict(type, String(next.metadata.name), errors.STALE_OBJECT_MESSAGE));
    this.track(current.key, current.value, result.kv.value);
    return respond(200, this.present(type, result.kv.value));
  }

  /** Used by subresources that need raw store access (binding, scale). */
  storeEntry(type: ResourceType, namespace: string | undefined, name: string): KeyValue<KubeObject> | undefined {
    return this.store.get(this.keyFor(type, namespace, name));
  }

  nowMs(): number {
    return this.now;
  }
}

/** How commitUpdate records field managers: as an Update (optionally on a subresource), already done by an apply, or not at all (internal writes). */
type Tracking = { subresource?: string } | 'applied' | 'none';

function hasSpecFinalizers(type: ResourceType, object: KubeObject): boolean {
  if (!(type.group === '' && type.resource === 'namespaces')) return false;
  const spec = isRecord(object.spec) ? object.spec : {};
  return Array.isArray(spec.finalizers) && spec.finalizers.length > 0;
}

function withResourceVersion(object: KubeObject, revision: number): KubeObject {
  return { ...object, metadata: { ...object.metadata, resourceVersion: String(revision) } };
}

/**
 * A mutable copy of a stored object to merge a patch onto, sharing its frozen managedFields: merge
 * and strategic merge patches replace that list whole, never edit it in place, and the field
 * manager then writes a new one (a heartbeat's patch need not copy and decode it again).
 */
function copyForMergePatch(object: KubeObject): KubeObject {
  const managedFields = object.metadata.managedFields;
  if (managedFields === undefined) return deepCopy(object);
  const metadata: Record<string, unknown> = {};
  // As deepCopy's JSON round trip: undefined values are left out.
  for (const [key, value] of Object.entries(object.metadata)) if (value !== undefined) metadata[key] = key === 'managedFields' ? value : deepCopy(value);
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) copy[key] = key === 'metadata' ? metadata : deepCopy(value);
  return copy as KubeObject;
}

function sameContent(a: KubeObject, b: KubeObject): boolean {
  // Key order does not count: an apply rebuilds metadata in its own order.
  const strip = (o: KubeObject) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined } });
  return sameJsonAnyKeyOrder(strip(a), strip(b), sortKeys);
}

/** A Content-Type without its parameters. */
function mediaOf(contentType: string | undefined): string {
  return contentType?.split(';')[0]?.trim() ?? '';
}

function wantsTable(accept: string | undefined): boolean {
  return accept !== undefined && accept.includes('as=Table');
}

function includeObjectOf(query: Record<string, string>): 'None' | 'Metadata' | 'Object' {
  const v = query.includeObject;
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

export function isDryRun(query: Record<string, string>): boolean {
  return query.dryRun === 'All';
}
