/**
 * kube-controller-manager: one process running many controllers over shared informers, each with
 * its own work queue.
 */
import type { SimLoop } from '../clock';
import { WorkQueue, type Client } from '../client';
import { reconcileResultToQueue, type Controller, type ControllerContext } from './controller';
import { InformerFactory } from './informer-factory';
import { NamespaceController } from './namespace/namespace-controller';
import { ServiceAccountController } from './serviceaccount/serviceaccount-controller';
import { RootCACertPublisher } from './root-ca-cert-publisher/root-ca-cert-publisher';
import { GarbageCollector } from './garbage-collector/garbage-collector';
import { NodeLifecycleController } from './node-lifecycle/node-lifecycle-controller';
import { TaintEvictionController } from './taint-eviction/taint-eviction-controller';
import { ReplicaSetController } from './replicaset/replicaset-controller';
import { DeploymentController } from './deployment/deployment-controller';
import { EndpointsController } from './endpoints/endpoints-controller';
import { DaemonSetController } from './daemonset/daemonset-controller';
import { EndpointSliceController } from './endpointslice/endpointslice-controller';
import { PersistentVolumeBinderController } from './persistentvolume/pv-binder-controller';
import { LocalPathProvisioner } from './local-path-provisioner/local-path-provisioner';
import { DisruptionController } from './disruption/disruption-controller';
import { ResourceQuotaController } from './resourcequota/resourcequota-controller';
import { StatefulSetController } from './statefulset/statefulset-controller';
import { PodGCController } from './podgc/podgc-controller';
import { HorizontalPodAutoscalerController } from './podautoscaler/horizontal-controller';
import { JobController } from './job/job-controller';
import { TtlAfterFinishedController } from './ttl-after-finished/ttl-after-finished-controller';
import { CronJobController } from './cronjob/cronjob-controller';
import type { TimerBoard } from '../clock/timer-board';

export class ControllerManager {
  private readonly context: ControllerContext;
  private readonly queues = new Map<string, WorkQueue>();

  constructor(
    clientFor: (userAgent: string) => Client,
    loop: SimLoop,
    readonly controllers: Controller[] = [
      new NamespaceController(),
      new ServiceAccountController(),
      new RootCACertPublisher(),
      new GarbageCollector(),
      new NodeLifecycleController(),
      new TaintEvictionController(),
      new DeploymentController(),
      new ReplicaSetController(),
      new EndpointsController(),
      new EndpointSliceController(),
      new DaemonSetController(),
      new StatefulSetController(),
      new PodGCController(),
      new PersistentVolumeBinderController(),
      new LocalPathProvisioner(),
      new DisruptionController(),
      new ResourceQuotaController(),
      new HorizontalPodAutoscalerController(),
      new JobController(),
      new CronJobController(),
      new TtlAfterFinishedController(),
    ],
  ) {
    const client = clientFor('kube-controller-manager');
    this.context = { client, informers: new InformerFactory(client), loop };
  }

  /** Where controllers publish their pending timers (eviction deadlines, node grace); see TimerBoard. */
  setTimerBoard(timers: TimerBoard): void {
    this.context.timers = timers;
  }

  start(): void {
    for (const controller of this.controllers) {
      const queue = new WorkQueue(this.context.loop, controller.name, (key) => reconcileResultToQueue(queue, key, controller.reconcile(key, this.context)));
      this.queues.set(controller.name, queue);
      controller.watch(this.context, (key) => queue.add(key));
    }
    this.context.informers.start();
  }

  stop(): void {
    this.context.informers.stop();
  }
}
