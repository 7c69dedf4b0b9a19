/** Shared informers: one list+watch per resource for all controllers, as kube-controller-manager shares them. */
import type { KubeObject } from '../api/meta';
import { Informer, type Client, type ResourceRef } from '../client';

export class InformerFactory {
  private readonly informers = new Map<string, Informer>();

  constructor(private readonly client: Client) {}

  forResource<T extends KubeObject = KubeObject>(group: string, version: string, resource: string): Informer<T> {
    const key = `${group}/${version}/${resource}`;
    let informer = this.informers.get(key);
    if (!informer) {
      const ref: ResourceRef = { group, version, resource };
      informer = new Informer(this.client, ref);
      this.informers.set(key, informer);
    }
    return informer as unknown as Informer<T>;
  }

  /** Starts every informer created so far (and those created later start when asked). */
  start(): void {
    for (const informer of this.informers.values()) informer.start();
  }

  stop(): void {
    for (const informer of this.informers.values()) informer.stop();
  }
}
