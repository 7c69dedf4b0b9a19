/**
 * Node failure, on the clock: stop a worker and follow what the control plane does — the node
 * lifecycle controller's grace period, the unreachable taints, the 300-second tolerations, eviction
 * and replacement — then bring the node back. Text in our own words.
 */
import { all, deploymentAvailable, nodeCondition, nodeTainted, podsReadyAwayFrom, ran } from '../checks';
import type { Lesson } from '../types';

export const lesson: Lesson = {
  id: '09-node-failure',
  title: { en: 'When a node dies', ko: '노드가 죽으면' },
  summary: {
    en: 'Stop a worker node and watch Kubernetes notice (about 50 seconds), fence it off with taints, and move its pods after their 5-minute tolerations run out.',
    ko: '워커 노드를 멈추고, 쿠버네티스가 이를 알아채고(약 50초), 테인트로 격리하고, 5분짜리 톨러레이션이 끝난 뒤 파드를 옮기는 과정을 지켜봅니다.',
  },
  minutes: 15,
  start: 'default',
  steps: [
    {
      id: 'deploy',
      title: { en: 'Something to lose', ko: '잃을 것 만들기' },
      text: {
        en: 'Run four nginx replicas; the scheduler spreads them over both workers.',
        ko: 'nginx 레플리카 네 개를 띄우세요. 스케줄러가 두 워커에 나눠 배치합니다.',
      },
      commands: ['kubectl create deployment web --image=nginx --replicas=4', 'kubectl get pods -o wide'],
      check: deploymentAvailable('web', 4),
      solution: ['kubectl create deployment web --image=nginx --replicas=4', 'sleep 20', 'kubectl get pods -o wide'],
    },
    {
      id: 'stop',
      title: { en: 'Stop a worker', ko: '워커 멈추기' },
      text: {
        en: 'A kind node is a container, so `docker stop` is a power cut: its kubelet stops renewing its Lease and posting status.',
        ko: 'kind 노드는 컨테이너라서 `docker stop`은 전원을 끄는 것과 같습니다. 그 노드의 kubelet이 리스 갱신과 상태 보고를 멈춥니다.',
      },
      predict: {
        question: { en: 'Right after the stop, what does `kubectl get nodes` show for kind-worker2?', ko: '멈춘 직후 `kubectl get nodes`는 kind-worker2를 어떻게 보여 줄까요?' },
        choices: [{ en: 'NotReady at once', ko: '바로 NotReady' }, { en: 'Still Ready, for up to about 50 seconds', ko: '약 50초 동안은 여전히 Ready' }, { en: 'The node disappears', ko: '노드가 목록에서 사라짐' }],
        answer: 1,
      },
      commands: ['docker stop kind-worker2', 'kubectl get nodes'],
      check: ran(/^docker stop kind-worker2/, { en: 'stop kind-worker2 with docker', ko: 'docker로 kind-worker2를 멈추세요' }),
      solution: ['docker stop kind-worker2', 'kubectl get nodes'],
    },
    {
      id: 'not-ready',
      title: { en: 'The grace period runs out', ko: '유예 시간이 끝나면' },
      text: {
        en: 'The node lifecycle controller checks every 5 seconds. After the 50-second grace period without a heartbeat it sets Ready to Unknown and adds the `node.kubernetes.io/unreachable` taints.',
        ko: '노드 라이프사이클 컨트롤러는 5초마다 확인합니다. 하트비트 없이 50초 유예 시간이 지나면 Ready를 Unknown으로 바꾸고 `node.kubernetes.io/unreachable` 테인트를 붙입니다.',
      },
      commands: ['sleep 60', 'kubectl get nodes', 'kubectl describe node kind-worker2'],
      check: all(nodeCondition('kind-worker2', 'Ready', 'Unknown'), nodeTainted('kind-worker2', 'node.kubernetes.io/unreachable', 'NoExecute')),
      solution: ['sleep 60', 'kubectl get nodes', 'kubectl describe node kind-worker2'],
    },
    {
      id: 'eviction',
      title: { en: 'Eviction after 300 seconds', ko: '300초 뒤의 축출' },
      text: {
        en: 'Every pod tolerates `unreachable:NoExecute` for 300 seconds by default. When that runs out, the pods on the dead node are deleted and the ReplicaSet creates replacements on the healthy worker.',
        ko: '모든 파드는 기본으로 `unreachable:NoExecute`를 300초 동안 견딥니다. 그 시간이 끝나면 죽은 노드의 파드가 삭제되고, 레플리카셋이 건강한 워커에 새 파드를 만듭니다.',
      },
      commands: ['sleep 300', 'kubectl get pods -o wide'],
      check: podsReadyAwayFrom('app=web', 4, 'kind-worker2'),
      solution: ['sleep 300', 'kubectl get pods -o wide'],
    },
    {
      id: 'restart',
      title: { en: 'Bring the node back', ko: '노드 되살리기' },
      text: {
        en: 'Start the container again. The kubelet resumes heartbeats, the node turns Ready, and the controller removes the taints.',
        ko: '컨테이너를 다시 시작하세요. kubelet이 하트비트를 재개하면 노드가 Ready가 되고 컨트롤러가 테인트를 걷어냅니다.',
      },
      commands: ['docker start kind-worker2', 'sleep 30', 'kubectl get nodes'],
      check: nodeCondition('kind-worker2', 'Ready', 'True'),
      solution: ['docker start kind-worker2', 'sleep 30', 'kubectl get nodes'],
    },
  ],
};
