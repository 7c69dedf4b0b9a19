/**
 * The ingress-nginx processes of a cluster: the kubelet asks here for the program of a container
 * whose image is one of ingress-nginx's, and the pod network asks which controller (by pod IP and
 * port) should answer an HTTP request, so nginx can proxy it to its upstreams.
 */
import type { KubeObject } from '../api/meta';
import { text } from '../api/meta';
import type { Random, SimLoop } from '../clock';
import type { Client } from '../client';
import type { AddonPrograms } from '../kubelet/pod-worker';
import type { ContainerProcess } from '../kubelet/runtime/processes';
import type { Fetched } from '../network/wget';
import { certgenProcess } from './certgen';
import { IngressNginxController } from './controller';

export const CONTROLLER_IMAGE = 'registry.k8s.io/ingress-nginx/controller';
export const CERTGEN_IMAGE = 'registry.k8s.io/ingress-nginx/kube-webhook-certgen';

export class IngressNginxDirectory implements AddonPrograms {
  /** By pod uid: a later pod that reuses the IP is not the controller. */
  private readonly byPod = new Map<string, IngressNginxController>();

  constructor(
    private readonly clientFor: (userAgent: string) => Client,
    private readonly loop: SimLoop,
    private readonly random: Random,
    private readonly direct: (pod: KubeObject, port: number, path: string) => Fetched,
  ) {}

  start(repository: string, argv: readonly string[], pod: KubeObject, where: { podIP: string; hostIP: string }): ContainerProcess | undefined {
    const name = `${text(pod.metadata.namespace)}/${text(pod.metadata.name)}`;
    if (repository === CERTGEN_IMAGE)
      return certgenProcess(
        { client: this.clientFor('kube-webhook-certgen'), loop: this.loop, random: this.random.fork(`certgen/${name}`) },
        argv.filter((a) => !a.startsWith('/')),
      );
    if (repository !== CONTROLLER_IMAGE) return undefined;
    const controller = new IngressNginxController(
      { client: this.clientFor('nginx-ingress-controller/v1.12.1'), loop: this.loop, random: this.random.fork(`controller/${name}`), direct: this.direct },
      argv,
      where.hostIP,
      { ip: where.podIP, pod },
    );
    this.byPod.set(text(pod.metadata.uid), controller);
    return controller.process();
  }

  /** The controller whose nginx listens in this pod at `port` (its HTTP and HTTPS ports). */
  at(pod: KubeObject, port: number): IngressNginxController | undefined {
    return port === 80 || port === 443 ? this.byPod.get(text(pod.metadata.uid)) : undefined;
  }
}
