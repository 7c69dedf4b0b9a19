/** What describers may read: lists and gets through the API, and the virtual time. */
import type { KubeObject } from '../../api/meta';

export interface DescribeContext {
  nowMs: number;
  /** Lists objects of a resource (group '' = core), optionally in a namespace, filtered like the API. */
  list(group: string, resource: string, namespace: string | undefined, options?: { labelSelector?: string; fieldSelector?: string }): readonly KubeObject[];
  get(group: string, resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
}
