/**
 * Scheduling I: how kube-scheduler picks a node — resource requests, skipping the scheduler with
 * nodeName, nodeSelector and node affinity — and how to read its verdict when no node fits.
 */
import { all, onNode, podRunning, ran } from '../checks';
import type { Check, Lesson } from '../types';

/** The pod exists and is still Pending (no node fits). */
function pending(pod: string): Check {
  return (view) => {
    const p = view.get('pods', 'default', pod);
    const phase = (p?.status as Record<string, unknown> | undefined)?.phase;
    return p && phase === 'Pending' ? { done: true } : { done: false, missing: { en: `create pod "${pod}" with a request no node can satisfy`, ko: `어떤 노드도 감당할 수 없는 요청으로 파드 "${pod}"을(를) 만드세요` } };
  };
}

const heredoc = (body: string) => ['cat <<EOF | kubectl apply -f -', ...body.trimEnd().split('\n'), 'EOF'];

const BIG = `apiVersion: v1
kind: Pod
metadata:
  name: big
spec:
  containers:
  - name: app
    image: nginx
    resources:
      requests:
        cpu: "64"`;

const PINNED = `apiVersion: v1
kind: Pod
metadata:
  name: pinned
spec:
  nodeName: kind-worker2
  containers:
  - name: app
    image: nginx`;

const SELECTED = `apiVersion: v1
kind: Pod
metadata:
  name: selected
spec:
  nodeSelector:
    disk: ssd
  containers:
  - name: app
    image: nginx`;

const AFFINITY = `apiVersion: v1
kind: Pod
metadata:
  name: preferring
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - key: kubernetes.io/hostname
            operator: In
            values: [kind-worker, kind-worker2]
      preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 100
        preference:
          matchExpressions:
          - key: disk
            operator: NotIn
            values: [ssd]
  containers:
  - name: app
    image: nginx`;

export const lesson: Lesson = {
  id: '06-scheduling-basics',
  title: { en: 'Scheduling I: requests, nodeName, selectors and affinity', ko: '스케줄링 I: 요청량, nodeName, 셀렉터, 어피니티' },
  summary: {
    en: 'Watch kube-scheduler filter nodes that cannot run a pod and score the rest; pin a pod by hand; steer pods with labels.',
    ko: 'kube-scheduler가 파드를 실행할 수 없는 노드를 걸러 내고 남은 노드에 점수를 매기는 과정을 봅니다. 파드를 직접 노드에 고정하고, 레이블로 파드를 원하는 곳에 보내 봅니다.',
  },
  minutes: 20,
  start: 'default',
  steps: [
    {
      id: 'too-big',
      title: { en: 'A request no node can meet', ko: '어떤 노드도 못 받는 요청' },
      text: {
        en: 'Requests are what the scheduler reserves. Ask for 64 CPUs: every node fails the NodeResourcesFit filter (and the control plane also has a taint), so the pod stays Pending with a FailedScheduling event that counts the reasons.',
        ko: '요청량(requests)은 스케줄러가 예약해 두는 자원입니다. CPU 64개를 요청하면 모든 노드가 NodeResourcesFit 필터에서 떨어지고(컨트롤 플레인에는 테인트도 있습니다), 파드는 Pending으로 남으며 이유를 세어 보여 주는 FailedScheduling 이벤트가 생깁니다.',
      },
      files: [{ path: 'big.yaml', content: `${BIG}\n` }],
      commands: ['kubectl apply -f big.yaml', 'kubectl describe pod big', 'kubelab explain pod/big'],
      check: all(pending('big'), ran(/^(kubectl describe (pod|pods|po) big|kubelab explain pod\/big)/, { en: 'read why: describe the pod or ask kubelab explain', ko: '이유를 확인하세요: 파드를 describe 하거나 kubelab explain을 실행하세요' })),
      solution: [...heredoc(BIG), 'kubectl describe pod big', 'kubelab explain pod/big'],
    },
    {
      id: 'node-name',
      title: { en: 'Skipping the scheduler', ko: '스케줄러 건너뛰기' },
      text: {
        en: 'A pod that already names its node in `spec.nodeName` is never seen by the scheduler: the kubelet of that node simply runs it.',
        ko: '`spec.nodeName`에 노드를 이미 적어 둔 파드는 스케줄러를 거치지 않습니다. 해당 노드의 kubelet이 그냥 실행합니다.',
      },
      files: [{ path: 'pinned.yaml', content: `${PINNED}\n` }],
      commands: ['kubectl apply -f pinned.yaml', 'kubectl get pod pinned -o wide'],
      check: all(onNode('pinned', 'kind-worker2'), podRunning('pinned')),
      solution: [...heredoc(PINNED), 'sleep 10', 'kubectl get pod pinned -o wide'],
    },
    {
      id: 'node-selector',
      title: { en: 'Labels and nodeSelector', ko: '레이블과 nodeSelector' },
      text: {
        en: 'Label one worker `disk=ssd`, then create a pod with `nodeSelector: {disk: ssd}`. Only the labelled node passes the NodeAffinity filter.',
        ko: '워커 하나에 `disk=ssd` 레이블을 붙이고 `nodeSelector: {disk: ssd}`인 파드를 만드세요. 레이블이 붙은 노드만 NodeAffinity 필터를 통과합니다.',
      },
      commands: ['kubectl label node kind-worker disk=ssd', 'kubectl apply -f selected.yaml', 'kubectl get pod selected -o wide'],
      files: [{ path: 'selected.yaml', content: `${SELECTED}\n` }],
      check: onNode('selected', 'kind-worker'),
      solution: ['kubectl label node kind-worker disk=ssd', ...heredoc(SELECTED), 'sleep 5', 'kubectl get pod selected -o wide'],
    },
    {
      id: 'affinity',
      title: { en: 'Required and preferred node affinity', ko: '필수 노드 어피니티와 선호 노드 어피니티' },
      text: {
        en: 'Node affinity says the same with operators: the required part filters (In the two workers), the preferred part scores (weight 100 for nodes NotIn `disk=ssd`). Ask `kubelab explain` for the scores.',
        ko: '노드 어피니티는 같은 것을 연산자로 표현합니다. 필수 조건은 걸러 내고(두 워커 중 하나 In), 선호 조건은 점수를 줍니다(`disk=ssd`가 NotIn인 노드에 가중치 100). `kubelab explain`으로 점수를 확인하세요.',
      },
      files: [{ path: 'preferring.yaml', content: `${AFFINITY}\n` }],
      commands: ['kubectl apply -f preferring.yaml', 'kubelab explain pod/preferring'],
      check: onNode('preferring', 'kind-worker2'),
      solution: [...heredoc(AFFINITY), 'sleep 5', 'kubelab explain pod/preferring'],
    },
  ],
};
