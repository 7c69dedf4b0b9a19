/**
 * Scheduling II: taints keep pods away and tolerations let chosen ones back in; pod anti-affinity
 * and topology spread place pods relative to each other (with the control plane's taint as the
 * surprise); priority lets an important pod push others out. Text in our own words.
 */
import { all, eventSeen, nodeTainted, onNode, podRunning, podsAllOn, podsReady, podsSplit } from '../checks';
import type { Check, Lesson } from '../types';

const heredoc = (body: string) => ['cat <<EOF | kubectl apply -f -', ...body.trimEnd().split('\n'), 'EOF'];

const GPU_POD = `apiVersion: v1
kind: Pod
metadata:
  name: gpu-job
spec:
  nodeSelector:
    kubernetes.io/hostname: kind-worker2
  tolerations:
  - key: dedicated
    operator: Equal
    value: gpu
    effect: NoSchedule
  containers:
  - name: app
    image: nginx`;

/** The same pod without its tolerations (the mistake the hint catches). */
const UNTOLERATED = GPU_POD.split('\n').filter((line) => !/^ {2}tolerations:|^ {2}- key: dedicated|^ {4}(operator|value|effect):/.test(line)).join('\n');

const deployment = (name: string, replicas: number, podSpec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
${podSpec}
      containers:
      - name: app
        image: nginx`;

const CACHE = deployment('cache', 3, `      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector:
              matchLabels:
                app: cache
            topologyKey: kubernetes.io/hostname`);

const spreadSpec = (name: string, honor: boolean) => `      topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: kubernetes.io/hostname
        whenUnsatisfiable: DoNotSchedule${honor ? '\n        nodeTaintsPolicy: Honor' : ''}
        labelSelector:
          matchLabels:
            app: ${name}`;

/** Asks kubelab why the first Pending `spread` pod has no node. */
const EXPLAIN_PENDING = 'kubelab explain pod/$(kubectl get pods -l app=spread --field-selector=status.phase=Pending -o name | head -1 | cut -d/ -f2)';

const SPREAD = deployment('spread', 4, spreadSpec('spread', false));
const SPREAD_HONOR = deployment('spread', 4, spreadSpec('spread', true));

const big = (name: string, priorityClass?: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:${priorityClass ? `\n  priorityClassName: ${priorityClass}` : ''}
  containers:
  - name: app
    image: nginx
    resources:
      requests:
        cpu: "6"`;

const LOW = `${big('low-a')}\n---\n${big('low-b')}`;

const HIGH = `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: high
value: 1000
description: "Pods that matter more"
---
${big('important', 'high')}`;

/** A pod has no tolerations of its own for the `dedicated` taint. */
const gpuJobWithoutToleration: Check = (view) => {
  const pod = view.get('pods', 'default', 'gpu-job');
  const tolerations = (pod?.spec as { tolerations?: { key?: string }[] } | undefined)?.tolerations ?? [];
  return pod && !tolerations.some((t) => t.key === 'dedicated') ? { done: true } : { done: false, missing: { en: 'gpu-job without a toleration', ko: '톨러레이션 없는 gpu-job' } };
};

export const lesson: Lesson = {
  id: '07-scheduling-advanced',
  title: { en: 'Scheduling II: taints, affinity, spread and priority', ko: '스케줄링 II: 테인트, 어피니티, 분산, 우선순위' },
  summary: {
    en: 'Reserve a node with a taint and let one pod in with a toleration, keep replicas apart with anti-affinity and topology spread, and watch a high-priority pod preempt a lower one.',
    ko: '테인트로 노드를 따로 떼어 두고 톨러레이션으로 파드 하나만 들여보내고, 안티 어피니티와 토폴로지 분산으로 레플리카를 떨어뜨려 놓고, 우선순위 높은 파드가 낮은 파드를 밀어내는 모습을 봅니다.',
  },
  minutes: 25,
  start: 'default',
  steps: [
    {
      id: 'taint',
      title: { en: 'A taint keeps pods away', ko: '테인트는 파드를 밀어낸다' },
      text: {
        en: 'Node affinity is the pod choosing nodes; a **taint** is the node refusing pods. Taint `kind-worker2` with `dedicated=gpu:NoSchedule`, then run three plain nginx replicas.',
        ko: '노드 어피니티가 파드가 노드를 고르는 것이라면, **테인트**는 노드가 파드를 거부하는 것입니다. `kind-worker2`에 `dedicated=gpu:NoSchedule` 테인트를 붙이고 평범한 nginx 레플리카 세 개를 띄우세요.',
      },
      predict: {
        question: { en: 'Where will the three `plain` replicas run?', ko: '`plain` 레플리카 세 개는 어디서 실행될까요?' },
        choices: [
          { en: 'Spread over all three nodes', ko: '세 노드에 고르게' },
          { en: 'All on kind-worker', ko: '모두 kind-worker에' },
          { en: 'Nowhere: they stay Pending', ko: '아무 데도 못 감: Pending으로 남음' },
        ],
        answer: 1,
      },
      commands: ['kubectl taint nodes kind-worker2 dedicated=gpu:NoSchedule', 'kubectl create deployment plain --image=nginx --replicas=3', 'kubectl get pods -o wide'],
      check: all(nodeTainted('kind-worker2', 'dedicated', 'NoSchedule'), podsReady('app=plain', 3), podsAllOn('app=plain', 'kind-worker')),
      explain: {
        en: 'kind-worker2 now has an untolerated taint, and so does the control plane (`node-role.kubernetes.io/control-plane:NoSchedule`, which kubeadm puts there). Only kind-worker is left.',
        ko: '이제 kind-worker2에는 파드가 견디지 못하는 테인트가 있고, 컨트롤 플레인에도 kubeadm이 붙인 `node-role.kubernetes.io/control-plane:NoSchedule`이 있습니다. 남는 노드는 kind-worker뿐입니다.',
      },
      solution: ['kubectl taint nodes kind-worker2 dedicated=gpu:NoSchedule', 'kubectl create deployment plain --image=nginx --replicas=3', 'sleep 15', 'kubectl get pods -o wide'],
    },
    {
      id: 'toleration',
      title: { en: 'A toleration lets a pod back in', ko: '톨러레이션은 파드를 들여보낸다' },
      text: {
        en: 'A toleration does not attract a pod to the tainted node; it only stops the taint from keeping it out. So `gpu-job` both tolerates `dedicated=gpu:NoSchedule` and selects kind-worker2 by its hostname label.',
        ko: '톨러레이션은 파드를 테인트 붙은 노드로 끌어당기지 않습니다. 테인트에 막히지 않게 해 줄 뿐입니다. 그래서 `gpu-job`은 `dedicated=gpu:NoSchedule`을 견디는 톨러레이션과 함께 hostname 레이블로 kind-worker2를 고릅니다.',
      },
      files: [{ path: 'gpu-job.yaml', content: `${GPU_POD}\n` }],
      commands: ['kubectl apply -f gpu-job.yaml', 'kubectl get pod gpu-job -o wide'],
      check: all(onNode('gpu-job', 'kind-worker2'), podRunning('gpu-job')),
      hints: [
        {
          when: gpuJobWithoutToleration,
          mistake: heredoc(UNTOLERATED),
          text: {
            en: '`gpu-job` has no toleration for `dedicated`, so kind-worker2 rejects it and it stays Pending. Delete it, keep the `tolerations` block in the file, and apply again.',
            ko: '`gpu-job`에 `dedicated`를 견디는 톨러레이션이 없어서 kind-worker2가 거부하고 파드는 Pending으로 남습니다. 파드를 지우고 파일의 `tolerations` 부분을 살려 둔 채 다시 적용하세요.',
          },
        },
      ],
      solution: [...heredoc(GPU_POD), 'sleep 10', 'kubectl get pod gpu-job -o wide'],
    },
    {
      id: 'anti-affinity',
      title: { en: 'Pod anti-affinity: one per node', ko: '파드 안티 어피니티: 노드마다 하나' },
      text: {
        en: 'Remove the taint (a trailing `-` deletes it). Then create a `cache` Deployment whose pods refuse to share a node (`topologyKey: kubernetes.io/hostname`) with another `app=cache` pod.',
        ko: '테인트를 지우세요(끝에 `-`를 붙이면 지워집니다). 그다음 `app=cache` 파드끼리 한 노드(`topologyKey: kubernetes.io/hostname`)에 같이 있기를 거부하는 `cache` 디플로이먼트를 만드세요.',
      },
      predict: {
        question: { en: 'Three replicas, two untainted workers. How many `cache` pods run?', ko: '레플리카 세 개에 테인트 없는 워커는 두 대입니다. `cache` 파드는 몇 개가 실행될까요?' },
        choices: [{ en: 'Three', ko: '세 개' }, { en: 'Two; the third stays Pending', ko: '두 개, 세 번째는 Pending' }, { en: 'One', ko: '한 개' }],
        answer: 1,
      },
      files: [{ path: 'cache.yaml', content: `${CACHE}\n` }],
      commands: ['kubectl taint nodes kind-worker2 dedicated:NoSchedule-', 'kubectl apply -f cache.yaml', 'kubectl get pods -l app=cache -o wide', 'kubectl get events --field-selector reason=FailedScheduling'],
      check: podsSplit('app=cache', 2, 1),
      explain: {
        en: 'The third pod has nowhere to go: both workers already hold a cache pod, and the control plane is tainted. Its FailedScheduling event says `2 node(s) didn\'t match pod anti-affinity rules`.',
        ko: '세 번째 파드는 갈 곳이 없습니다. 두 워커에는 이미 cache 파드가 있고 컨트롤 플레인에는 테인트가 있습니다. FailedScheduling 이벤트에 `2 node(s) didn\'t match pod anti-affinity rules`라고 나옵니다.',
      },
      solution: ['kubectl taint nodes kind-worker2 dedicated:NoSchedule-', ...heredoc(CACHE), 'sleep 15', 'kubectl get pods -l app=cache -o wide', 'kubectl get events --field-selector reason=FailedScheduling'],
    },
    {
      id: 'spread',
      title: { en: 'Topology spread, and the node you forgot', ko: '토폴로지 분산, 그리고 잊고 있던 노드' },
      text: {
        en: 'A topology spread constraint keeps the pod counts of every domain (here: every node) within `maxSkew` of each other. Create `spread` with 4 replicas and `maxSkew: 1` per hostname.',
        ko: '토폴로지 분산 제약은 모든 도메인(여기서는 노드 하나하나)의 파드 수 차이를 `maxSkew` 이내로 유지합니다. hostname 기준 `maxSkew: 1`로 레플리카 4개짜리 `spread`를 만드세요.',
      },
      predict: {
        question: { en: 'How many of the four `spread` pods will run?', ko: '`spread` 파드 네 개 중 몇 개가 실행될까요?' },
        choices: [{ en: 'Four, two per worker', ko: '네 개, 워커마다 두 개' }, { en: 'Two, one per worker', ko: '두 개, 워커마다 한 개' }, { en: 'Three', ko: '세 개' }],
        answer: 1,
      },
      files: [{ path: 'spread.yaml', content: `${SPREAD}\n` }],
      commands: ['kubectl apply -f spread.yaml', 'kubectl get pods -l app=spread -o wide', EXPLAIN_PENDING],
      check: podsSplit('app=spread', 2, 2),
      explain: {
        en: 'By default (`nodeTaintsPolicy: Ignore`) the tainted control plane still counts as a domain, with zero pods. A worker with one pod is already at skew 1, so a second pod on it would make the skew 2.',
        ko: '기본값(`nodeTaintsPolicy: Ignore`)에서는 테인트 붙은 컨트롤 플레인도 파드가 0개인 도메인으로 계산됩니다. 파드가 하나 있는 워커는 이미 차이가 1이라서, 두 번째 파드가 오면 차이가 2가 됩니다.',
      },
      solution: [...heredoc(SPREAD), 'sleep 15', 'kubectl get pods -l app=spread -o wide', EXPLAIN_PENDING],
    },
    {
      id: 'honor',
      title: { en: 'Honor the taints', ko: '테인트를 계산에 넣기' },
      text: {
        en: 'Add `nodeTaintsPolicy: Honor` to the constraint: nodes whose taints the pod does not tolerate leave the calculation, and all four pods fit, two per worker.',
        ko: '제약에 `nodeTaintsPolicy: Honor`를 더하세요. 파드가 견디지 못하는 테인트가 있는 노드는 계산에서 빠지고, 네 파드가 워커마다 두 개씩 모두 들어갑니다.',
      },
      files: [{ path: 'spread.yaml', content: `${SPREAD_HONOR}\n` }],
      commands: ['kubectl apply -f spread.yaml', 'kubectl get pods -l app=spread -o wide'],
      check: podsReady('app=spread', 4),
      solution: [...heredoc(SPREAD_HONOR), 'sleep 20', 'kubectl get pods -l app=spread -o wide'],
    },
    {
      id: 'preemption',
      title: { en: 'Priority and preemption', ko: '우선순위와 선점' },
      text: {
        en: 'Clean up, then fill both workers with a pod requesting 6 CPUs each. Create a PriorityClass `high` (value 1000) and a third 6-CPU pod using it. No node has room, so the scheduler **preempts**: it evicts a lower-priority pod (default priority 0) and nominates its node for the important one.',
        ko: '정리한 다음, 두 워커를 CPU 6개씩 요청하는 파드로 채우세요. 값이 1000인 PriorityClass `high`와 이를 쓰는 세 번째 6 CPU 파드를 만드세요. 자리가 있는 노드가 없으므로 스케줄러는 **선점**합니다. 우선순위가 낮은 파드(기본 우선순위 0)를 내보내고 그 노드를 중요한 파드에 지명합니다.',
      },
      files: [{ path: 'low.yaml', content: `${LOW}\n` }, { path: 'high.yaml', content: `${HIGH}\n` }],
      commands: ['kubectl delete deployment plain cache spread', 'kubectl delete pod gpu-job', 'kubectl apply -f low.yaml', 'kubectl apply -f high.yaml', 'kubectl get pods -o wide', 'kubectl get events --field-selector reason=Preempted'],
      check: all(podRunning('important'), eventSeen('Preempted')),
      explain: {
        en: 'One `low` pod got a `Preempted` event and was deleted; NOMINATED NODE showed where `important` would go while the victim shut down.',
        ko: '`low` 파드 하나가 `Preempted` 이벤트를 받고 삭제되었습니다. 희생된 파드가 종료되는 동안 NOMINATED NODE 열에 `important`가 갈 노드가 표시되었습니다.',
      },
      solution: ['kubectl delete deployment plain cache spread', 'kubectl delete pod gpu-job', ...heredoc(LOW), 'sleep 10', ...heredoc(HIGH), 'sleep 40', 'kubectl get pods -o wide', 'kubectl get events --field-selector reason=Preempted'],
    },
  ],
};
