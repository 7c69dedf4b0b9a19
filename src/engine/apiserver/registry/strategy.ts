/**
 * What each resource's registry entry supplies to the generic REST handler (Kubernetes'
 * RESTCreateStrategy / RESTUpdateStrategy): defaults, create/update preparation, validation.
 * One file per resource under `registry/<resource>.ts`; resources without one get generic behaviour.
 */
import type { Random } from '../../clock';
import type { KubeObject } from '../../api/meta';
import type { FieldError } from '../field-errors';

/** Services the strategies may use; every value comes from the simulation, never the host. */
export interface StrategyContext {
  /** Virtual time as RFC 3339 (`2025-09-01T09:00:00Z`). */
  nowRfc3339: string;
  random: Random;
  /** Allocates a free ClusterIP from the service CIDR (10.96.0.0/16), or reserves `requested`. Returns an error message when not possible. */
  allocateClusterIP(requested?: string): { ip: string } | { error: string };
  releaseClusterIP(ip: string): void;
  /** Allocates a free NodePort (30000-32767), or reserves `requested`. */
  allocateNodePort(requested?: number): { port: number } | { error: string };
  releaseNodePort(port: number): void;
  /** Reads another object (e.g. a namespace or service account) without going through a client. */
  get(apiVersionGroup: string, resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
  /** Lists stored objects of a resource (cluster-wide for cluster-scoped ones). */
  list(apiVersionGroup: string, resource: string, namespace?: string): KubeObject[];
}

export interface ResourceStrategy {
  /**
   * Fills in defaults the way the API server's defaulting functions do (SetDefaults_*), on a
   * mutable copy, before validation, on create and update (and for `dryRun`).
   */
  applyDefaults?(object: KubeObject, context: StrategyContext): void;
  /**
   * Admission on create (plugins such as Priority or ServiceAccount): a returned message rejects the
   * request with 403 Forbidden, `pods "x" is forbidden: <message>`.
   */
  admit?(object: KubeObject, context: StrategyContext): string | undefined;
  /** Create-only preparation: clear status, set generation, allocate IPs. */
  prepareForCreate?(object: KubeObject, context: StrategyContext): FieldError[] | void;
  /** Update preparation: keep status on spec updates (and vice versa for the status subresource), bump generation when spec changes. */
  prepareForUpdate?(next: KubeObject, previous: KubeObject, context: StrategyContext): void;
  /** Validation of a new object. */
  validate?(object: KubeObject, context: StrategyContext): FieldError[];
  /** Validation of an update, including immutable fields. */
  validateUpdate?(next: KubeObject, previous: KubeObject, context: StrategyContext): FieldError[];
  /** Called after the object is deleted (free allocated IPs/ports). */
  afterDelete?(object: KubeObject, context: StrategyContext): void;
  /** True when the resource's `status` is set only through the status subresource (spec updates keep the old status). */
  hasStatusSubresource?: boolean;
}
