/**
 * kube-apiserver: the one component everybody talks to. Watch kubectl's requests with `-v`, follow
 * one POST turning into work for the controllers, the scheduler and a kubelet (all through the API),
 * see heartbeats as API writes, and let the API server reject an invalid object. Our own words.
 */
import { absent, all, deploymentAvailable, podRunning, ran } from '../checks';
import type { Lesson } from '../types';

const BAD_POD = `apiVersion: v1
kind: Pod
metadata:
  name: Web_1
spec:
  containers:
  - name: web
    image: nginx
`;

const GOOD_POD = BAD_POD.replace('Web_1', 'web-1');

const writeFile = (file: string, body: string) => [`cat <<EOF > ${file}`, ...body.trimEnd().split('\n'), 'EOF'];

export const lesson: Lesson = {
  id: '05-apiserver',
  title: { en: 'kube-apiserver, the front door', ko: '정문, kube-apiserver' },
  summary: {
    en: 'See the HTTP requests behind kubectl, follow one request as the controllers, the scheduler and the kubelet pick it up through the API, and watch the API server refuse an invalid object.',
    ko: 'kubectl 뒤에 숨은 HTTP 요청을 보고, 요청 하나를 컨트롤러, 스케줄러, kubelet이 API를 통해 이어받는 과정을 따라가며, API 서버가 잘못된 오브젝트를 거절하는 모습을 봅니다.',
  },
  minutes: 15,
  start: 'default',
  steps: [
    {
      id: 'request-log',
      title: { en: 'kubectl speaks HTTP', ko: 'kubectl은 HTTP로 말한다' },
      text: {
        en: 'Add `-v=6` to any kubectl command to log each HTTP request with its method, URL and status. `-v=8` adds the request headers and the response body.\n\n`kubectl get pods` is a `GET` on `/api/v1/namespaces/default/pods`: the namespace is part of the path, and kubectl asks for at most 500 items at a time (`?limit=500`).',
        ko: 'kubectl 명령 뒤에 `-v=6`을 붙이면 HTTP 요청마다 메서드, URL, 상태 코드가 기록됩니다. `-v=8`은 요청 헤더와 응답 본문까지 보여 줍니다.\n\n`kubectl get pods`는 `/api/v1/namespaces/default/pods`에 보내는 `GET`입니다. 네임스페이스가 경로에 들어 있고, kubectl은 한 번에 최대 500개까지 달라고 요청합니다(`?limit=500`).',
      },
      commands: ['kubectl get pods -v=6', 'kubectl get nodes -v=8'],
      check: ran(/^k(ubectl)? .*(-v=?|--v=)[6-9]\b/, { en: 'run a kubectl command with -v=6 or higher', ko: '-v=6 이상을 붙여 kubectl 명령을 실행하세요' }),
      solution: ['kubectl get pods -v=6', 'kubectl get nodes -v=8'],
    },
    {
      id: 'one-post',
      title: { en: 'One request, many hands', ko: '요청은 하나, 일하는 손은 여럿' },
      text: {
        en: 'Create a Deployment with `-v=6` and count the requests kubectl sends. Then read the events: each one names the component that did the work, and every one of those components did it by reading and writing objects through the API server. None of them talks to another directly, and only the API server talks to etcd.',
        ko: '`-v=6`을 붙여 디플로이먼트를 만들고 kubectl이 보내는 요청 수를 세어 보세요. 그다음 이벤트를 읽어 보세요. 이벤트마다 일을 한 컴포넌트가 적혀 있는데, 이 컴포넌트들은 모두 API 서버를 통해 오브젝트를 읽고 써서 일했습니다. 서로 직접 이야기하는 컴포넌트는 없고, etcd와 이야기하는 것은 API 서버뿐입니다.',
      },
      predict: {
        question: { en: 'How many requests does `kubectl create deployment web --image=nginx` send?', ko: '`kubectl create deployment web --image=nginx`는 요청을 몇 번 보낼까요?' },
        choices: [
          { en: 'One POST of the Deployment', ko: '디플로이먼트를 POST 하는 요청 하나' },
          { en: 'Three: the Deployment, its ReplicaSet and the Pod', ko: '세 개: 디플로이먼트, 레플리카셋, 파드' },
          { en: 'One to the API server and one to etcd', ko: 'API 서버에 하나, etcd에 하나' },
        ],
        answer: 0,
      },
      commands: ['kubectl create deployment web --image=nginx -v=6', 'kubectl describe deployment web', 'kubectl describe pods -l app=web'],
      check: all(
        deploymentAvailable('web', 1),
        ran(/^k(ubectl)? describe (pods?|po)\b/, { en: 'describe the pod and read the From column of its events', ko: '파드를 describe 하고 이벤트의 From 열을 읽어 보세요' }),
      ),
      explain: {
        en: 'kubectl only stored the Deployment. deployment-controller created the ReplicaSet (ScalingReplicaSet), replicaset-controller created the Pod, default-scheduler wrote its node binding (Scheduled), and the kubelet on that node, watching for pods bound to it, started the container and reported status.',
        ko: 'kubectl은 디플로이먼트만 저장했습니다. deployment-controller가 레플리카셋을 만들고(ScalingReplicaSet), replicaset-controller가 파드를 만들고, default-scheduler가 노드 배정을 기록하고(Scheduled), 자기 노드에 배정된 파드를 지켜보던 그 노드의 kubelet이 컨테이너를 시작하고 상태를 보고했습니다.',
      },
      solution: ['kubectl create deployment web --image=nginx -v=6', 'sleep 10', 'kubectl describe deployment web', 'kubectl describe pods -l app=web'],
    },
    {
      id: 'heartbeats',
      title: { en: 'Even heartbeats are API writes', ko: '하트비트도 API 쓰기다' },
      text: {
        en: 'Each kubelet proves it is alive by renewing a Lease object named after its node in the `kube-node-lease` namespace, every 10 seconds. Read a lease\'s `renewTime`, wait, and read it again.',
        ko: '각 kubelet은 `kube-node-lease` 네임스페이스에 있는 자기 노드 이름의 리스(Lease) 오브젝트를 10초마다 갱신해서 살아 있음을 알립니다. 리스의 `renewTime`을 읽고, 잠시 기다렸다가 다시 읽어 보세요.',
      },
      commands: ['kubectl get leases -n kube-node-lease', "kubectl get lease kind-worker -n kube-node-lease -o jsonpath='{.spec.renewTime}'", 'sleep 10', "kubectl get lease kind-worker -n kube-node-lease -o jsonpath='{.spec.renewTime}'"],
      check: ran(/^k(ubectl)? get (leases?|lease\.coordination\.k8s\.io)\b.*kube-node-lease/, { en: 'read the leases in kube-node-lease', ko: 'kube-node-lease의 리스를 조회하세요' }),
      solution: ['kubectl get leases -n kube-node-lease', "kubectl get lease kind-worker -n kube-node-lease -o jsonpath='{.spec.renewTime}'", 'sleep 10', "kubectl get lease kind-worker -n kube-node-lease -o jsonpath='{.spec.renewTime}'"],
    },
    {
      id: 'invalid',
      title: { en: 'The API server says no', ko: 'API 서버의 거절' },
      text: {
        en: 'The API server validates every object before it stores it. `bad-pod.yaml` names a pod `Web_1`, but object names must be lowercase letters, digits, `-` and `.`. Apply it with `-v=6`: kubectl first GETs the pod (404, so it must be created), then POSTs it and gets **422 Unprocessable Entity**. Nothing is stored.\n\n`--dry-run=server` runs the same validation without storing anything; `--dry-run=client` never sends the object to the server, so nothing validates it there.',
        ko: 'API 서버는 오브젝트를 저장하기 전에 모두 검증합니다. `bad-pod.yaml`은 파드 이름을 `Web_1`로 지었는데, 오브젝트 이름에는 소문자, 숫자, `-`, `.`만 쓸 수 있습니다. `-v=6`을 붙여 적용해 보세요. kubectl은 먼저 그 파드를 GET 하고(404이므로 새로 만들어야 함), 이어서 POST 했다가 **422 Unprocessable Entity**를 받습니다. 아무것도 저장되지 않습니다.\n\n`--dry-run=server`는 저장하지 않고 같은 검증만 거칩니다. `--dry-run=client`는 오브젝트를 서버에 보내지 않으므로 서버의 검증을 거치지 않습니다.',
      },
      files: [{ path: 'bad-pod.yaml', content: BAD_POD }],
      commands: ['kubectl apply -f bad-pod.yaml -v=6', 'kubectl apply -f bad-pod.yaml --dry-run=server'],
      check: all(
        ran(/^k(ubectl)? (apply|create) -f bad-pod\.yaml(?!.*--dry-run=client)/, { en: 'apply bad-pod.yaml as it is, so the API server sees it', ko: 'bad-pod.yaml을 그대로 적용해 보세요' }),
        absent('pods', 'default', 'Web_1', { en: 'no pod Web_1 can exist', ko: 'Web_1 파드는 있을 수 없습니다' }),
      ),
      hints: [
        {
          when: ran(/--dry-run=client/, { en: 'a client-side dry run', ko: '클라이언트 드라이런' }),
          mistake: [...writeFile('bad-pod.yaml', BAD_POD), 'kubectl apply -f bad-pod.yaml --dry-run=client'],
          text: {
            en: '`--dry-run=client` prints the object kubectl would send without sending it, so `Web_1` looks fine there. Use `--dry-run=server` to have the API server check it.',
            ko: '`--dry-run=client`는 kubectl이 보낼 오브젝트를 보내지 않고 출력만 하므로 `Web_1`도 문제없어 보입니다. API 서버가 검사하게 하려면 `--dry-run=server`를 쓰세요.',
          },
        },
      ],
      solution: [...writeFile('bad-pod.yaml', BAD_POD), 'kubectl apply -f bad-pod.yaml -v=6', 'kubectl apply -f bad-pod.yaml --dry-run=server'],
    },
    {
      id: 'fixed',
      title: { en: 'Fix it and try again', ko: '고쳐서 다시 시도하기' },
      text: {
        en: 'Open `bad-pod.yaml`, rename the pod to `web-1`, check it with `--dry-run=server`, then apply it for real.',
        ko: '`bad-pod.yaml`을 열어 파드 이름을 `web-1`로 바꾸고, `--dry-run=server`로 확인한 다음 실제로 적용하세요.',
      },
      commands: ['vi bad-pod.yaml', 'kubectl apply -f bad-pod.yaml --dry-run=server', 'kubectl apply -f bad-pod.yaml', 'kubectl get pod web-1'],
      check: podRunning('web-1'),
      solution: [...writeFile('bad-pod.yaml', GOOD_POD), 'kubectl apply -f bad-pod.yaml --dry-run=server', 'kubectl apply -f bad-pod.yaml', 'sleep 10', 'kubectl get pod web-1'],
    },
  ],
};
