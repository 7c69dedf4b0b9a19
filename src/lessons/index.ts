/** Every lesson, in curriculum order. */
import { lesson as clusterTour } from './01-cluster-tour/lesson';
import { lesson as kindHandsOn } from './02-kind-hands-on/lesson';
import { lesson as kubectlKubeconfig } from './03-kubectl-kubeconfig/lesson';
import { lesson as etcd } from './04-etcd/lesson';
import { lesson as apiserver } from './05-apiserver/lesson';
import { lesson as schedulingBasics } from './06-scheduling-basics/lesson';
import { lesson as schedulingAdvanced } from './07-scheduling-advanced/lesson';
import { lesson as controllers } from './08-controllers/lesson';
import { lesson as nodeFailure } from './09-node-failure/lesson';
import { lesson as kubeletRuntime } from './10-kubelet-runtime/lesson';
import { lesson as services } from './11-services/lesson';
import { lesson as podNetworking } from './12-pod-networking/lesson';
import { lesson as objects } from './13-objects/lesson';
import { lesson as workloadControllers } from './14-workload-controllers/lesson';
import { lesson as ingressAndCloud } from './15-ingress-and-cloud/lesson';
import { lesson as skewAndAutoscaling } from './16-skew-and-autoscaling/lesson';
import type { Lesson } from './types';

export const LESSONS: readonly Lesson[] = [clusterTour, kindHandsOn, kubectlKubeconfig, etcd, apiserver, schedulingBasics, schedulingAdvanced, controllers, nodeFailure, kubeletRuntime, services, podNetworking, objects, workloadControllers, ingressAndCloud, skewAndAutoscaling];

export type { Lesson, Step, Check, CheckResult, ClusterView, Localized, Language } from './types';
export { viewOf } from './view';
