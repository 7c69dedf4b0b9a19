/**
 * The kubelet and the container runtime: a pod's way from Pending to Running, the back-off states a
 * learner meets first (CrashLoopBackOff, ImagePullBackOff), liveness and readiness probes, and the
 * static pods the kubelet runs from files. Text in our own words.
 */
import { all, podRestarted, podRunning, podWaiting, ran } from '../checks';
import type { Check, Lesson } from '../types';

const PROBES = `apiVersion: v1
kind: Pod
metadata:
  name: liveness
spec:
  containers:
  - name: app
    image: busybox
    args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]
    livenessProbe:
      exec:
        command: ["cat", "/tmp/healthy"]
      initialDelaySeconds: 5
      periodSeconds: 5
---
apiVersion: v1
kind: Pod
metadata:
  name: not-ready
spec:
  containers:
  - name: web
    image: nginx
    readinessProbe:
      httpGet:
        path: /
        port: 8080`;

/** The pod runs but is not Ready, and has been so for a while (its readiness probe keeps failing). */
function runningNotReady(name: string): Check {
  return (view) => {
    const pod = view.get('pods', 'default', name);
    const status = (pod?.status ?? {}) as { phase?: string; startTime?: string; conditions?: { type?: string; status?: string }[] };
    const ready = status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
    const started = status.startTime ? Date.parse(status.startTime) : NaN;
    const settled = !Number.isNaN(started) && view.nowMs - started >= 30_000;
    return status.phase === 'Running' && !ready && settled ? { done: true } : { done: false, missing: { en: `create "${name}" and watch it stay 0/1 for half a minute`, ko: `"${name}"을(를) 만들고 30초 동안 0/1로 머무는지 지켜보세요` } };
  };
}

export const lesson: Lesson = {
  id: '10-kubelet-runtime',
  title: { en: 'The kubelet and the container runtime', ko: 'kubelet과 컨테이너 런타임' },
  summary: {
    en: 'Follow a pod from Pending to Running, meet CrashLoopBackOff and ImagePullBackOff and get out of them, let probes restart and fence off containers, and find the static pods behind the control plane.',
    ko: '파드가 Pending에서 Running이 되는 과정을 따라가고, CrashLoopBackOff와 ImagePullBackOff를 만나 빠져나와 보고, 프로브가 컨테이너를 재시작하거나 트래픽에서 떼어 내는 모습을 보고, 컨트롤 플레인을 이루는 스태틱 파드를 찾아봅니다.',
  },
  minutes: 25,
  start: 'default',
  steps: [
    {
      id: 'lifecycle',
      title: { en: 'From Pending to Running', ko: 'Pending에서 Running까지' },
      text: {
        en: 'The scheduler only writes a node name into the pod. The kubelet on that node, watching for pods bound to it, asks the container runtime (containerd, over the CRI) for a pod sandbox, pulls the image, creates and starts the container, and reports the status back to the API server. Run a pod and read its events in order.',
        ko: '스케줄러는 파드에 노드 이름을 적어 넣을 뿐입니다. 자기 노드에 배정된 파드를 지켜보던 kubelet이 컨테이너 런타임(containerd, CRI로 통신)에 파드 샌드박스를 요청하고, 이미지를 받고, 컨테이너를 만들어 시작한 뒤, 상태를 API 서버에 보고합니다. 파드를 하나 띄우고 이벤트를 순서대로 읽어 보세요.',
      },
      commands: ['kubectl run web --image=nginx', 'kubectl get pods', 'kubectl describe pod web'],
      check: all(podRunning('web'), ran(/^k(ubectl)? describe (pods?|po) web\b/, { en: 'describe the pod web', ko: 'web 파드를 describe 하세요' })),
      explain: {
        en: 'STATUS went `ContainerCreating` → `Running`; the events read Scheduled (default-scheduler), then Pulling, Pulled, Created, Started (kubelet).',
        ko: 'STATUS가 `ContainerCreating`에서 `Running`으로 바뀌었고, 이벤트는 Scheduled(default-scheduler), 그다음 Pulling, Pulled, Created, Started(kubelet) 순입니다.',
      },
      solution: ['kubectl run web --image=nginx', 'kubectl get pods', 'sleep 10', 'kubectl describe pod web'],
    },
    {
      id: 'crashloop',
      title: { en: 'CrashLoopBackOff', ko: 'CrashLoopBackOff 상태' },
      text: {
        en: 'With the default `restartPolicy: Always` the kubelet restarts a container every time it exits, but it waits longer each time: 10 s, 20 s, 40 s... up to 5 minutes. While it waits, the pod shows `CrashLoopBackOff`. Run a container that exits at once, wait a minute, and read the logs of the **previous** (crashed) run.',
        ko: '기본값 `restartPolicy: Always`에서 kubelet은 컨테이너가 끝날 때마다 다시 시작하지만, 기다리는 시간을 점점 늘립니다. 10초, 20초, 40초... 최대 5분까지입니다. 기다리는 동안 파드는 `CrashLoopBackOff`로 보입니다. 바로 끝나 버리는 컨테이너를 띄우고 1분 기다린 다음, **이전**(죽은) 실행의 로그를 읽어 보세요.',
      },
      commands: ["kubectl run crash --image=busybox -- sh -c 'echo starting; exit 1'", 'sleep 60', 'kubectl get pod crash', 'kubectl logs crash --previous'],
      check: all(podWaiting('crash', 'CrashLoopBackOff'), podRestarted('crash', 2), ran(/^k(ubectl)? logs .*crash.*(-p|--previous)\b|^k(ubectl)? logs .*(-p|--previous) .*crash/, { en: 'read the logs of the previous run with --previous', ko: '--previous로 이전 실행의 로그를 읽으세요' })),
      explain: {
        en: 'CrashLoopBackOff is not a crash reason; it means "waiting before the next restart". The reason is in the last run: its logs, and `Last State: Terminated` with the exit code in `kubectl describe pod crash`.',
        ko: 'CrashLoopBackOff는 죽은 이유가 아니라 "다음 재시작 전에 기다리는 중"이라는 뜻입니다. 이유는 마지막 실행에 있습니다. 그 로그, 그리고 `kubectl describe pod crash`의 `Last State: Terminated`와 종료 코드를 보세요.',
      },
      solution: ["kubectl run crash --image=busybox -- sh -c 'echo starting; exit 1'", 'sleep 60', 'kubectl get pod crash', 'kubectl logs crash --previous'],
    },
    {
      id: 'image-pull',
      title: { en: 'ImagePullBackOff', ko: 'ImagePullBackOff 상태' },
      text: {
        en: 'Misspell an image: `ngnix`. The pull fails (`ErrImagePull`) and the kubelet retries with the same growing back-off, showing `ImagePullBackOff` in between. The events say exactly what the registry answered.',
        ko: '이미지 이름을 `ngnix`로 잘못 적어 보세요. 이미지 받기가 실패하고(`ErrImagePull`), kubelet은 같은 방식으로 간격을 늘려 가며 재시도하고 그사이에는 `ImagePullBackOff`를 보여 줍니다. 레지스트리가 뭐라고 답했는지는 이벤트에 그대로 나옵니다.',
      },
      commands: ['kubectl run typo --image=ngnix', 'sleep 30', 'kubectl get pod typo', 'kubectl describe pod typo'],
      check: podWaiting('typo', 'ImagePullBackOff'),
      solution: ['kubectl run typo --image=ngnix', 'sleep 30', 'kubectl get pod typo', 'kubectl describe pod typo'],
    },
    {
      id: 'fix-image',
      title: { en: 'Fix the image in place', ko: '이미지를 그 자리에서 고치기' },
      text: {
        en: 'Most of a pod\'s spec cannot change after creation, but a container\'s `image` can. Set it to `nginx` (the container is named after the pod, `typo`) and the kubelet pulls the right image on its next try.',
        ko: '파드 스펙은 대부분 만든 뒤에 바꿀 수 없지만, 컨테이너의 `image`는 바꿀 수 있습니다. `nginx`로 지정하면(컨테이너 이름은 파드 이름과 같은 `typo`입니다) kubelet이 다음 시도에서 올바른 이미지를 받습니다.',
      },
      commands: ['kubectl set image pod/typo typo=nginx', 'kubectl get pod typo'],
      check: podRunning('typo'),
      solution: ['kubectl set image pod/typo typo=nginx', 'sleep 10', 'kubectl get pod typo'],
    },
    {
      id: 'probes',
      title: { en: 'Liveness and readiness probes', ko: '라이브니스 프로브와 레디니스 프로브' },
      text: {
        en: 'The kubelet runs probes itself. A failing **liveness** probe makes it kill and restart the container (same pod, same IP). A failing **readiness** probe restarts nothing: the pod just stays out of its Services\' endpoints.\n\n`liveness` deletes its health file after 30 s; `not-ready` probes port 8080, where nginx does not listen. Apply both and wait a minute and a half.',
        ko: '프로브는 kubelet이 직접 실행합니다. **라이브니스** 프로브가 실패하면 컨테이너를 죽이고 다시 시작합니다(파드와 IP는 그대로). **레디니스** 프로브가 실패하면 아무것도 재시작하지 않고, 파드가 서비스 엔드포인트에서 빠질 뿐입니다.\n\n`liveness`는 30초 뒤 자기 상태 파일을 지우고, `not-ready`는 nginx가 듣지 않는 8080 포트를 검사합니다. 둘 다 적용하고 1분 30초쯤 기다리세요.',
      },
      predict: {
        question: { en: 'After a minute and a half, what does `kubectl get pods liveness not-ready` show?', ko: '1분 30초 뒤 `kubectl get pods liveness not-ready`는 무엇을 보여 줄까요?' },
        choices: [
          { en: 'Both restarted', ko: '둘 다 재시작됨' },
          { en: 'liveness restarted once; not-ready Running but 0/1, never restarted', ko: 'liveness는 한 번 재시작, not-ready는 Running이지만 0/1이고 재시작 없음' },
          { en: 'Both deleted and recreated', ko: '둘 다 지워지고 새로 만들어짐' },
        ],
        answer: 1,
      },
      files: [{ path: 'probes.yaml', content: `${PROBES}\n` }],
      commands: ['kubectl apply -f probes.yaml', 'sleep 90', 'kubectl get pods liveness not-ready', 'kubectl describe pod liveness', 'kubectl describe pod not-ready'],
      check: all(podRestarted('liveness', 1), runningNotReady('not-ready')),
      explain: {
        en: 'Three failed checks (`failureThreshold: 3`, every 5 s) after the file vanished made the kubelet kill the container: `Container app failed liveness probe, will be restarted`. busybox\'s shell ignores SIGTERM, so the kill itself took the 30 s grace period. `not-ready` only collects `Readiness probe failed` events.',
        ko: '파일이 사라진 뒤 검사가 세 번(`failureThreshold: 3`, 5초마다) 실패하자 kubelet이 컨테이너를 죽였습니다(`Container app failed liveness probe, will be restarted`). busybox 셸은 SIGTERM을 무시하므로 종료 자체에 유예 시간 30초가 걸렸습니다. `not-ready`에는 `Readiness probe failed` 이벤트만 쌓입니다.',
      },
      solution: ['cat <<EOF | kubectl apply -f -', ...PROBES.split('\n'), 'EOF', 'sleep 90', 'kubectl get pods liveness not-ready', 'kubectl describe pod liveness', 'kubectl describe pod not-ready'],
    },
    {
      id: 'static-pods',
      title: { en: 'Static pods', ko: '스태틱 파드' },
      text: {
        en: 'Who starts the API server, when pods need an API server? The kubelet on the control-plane node reads pod manifests from a directory (`staticPodPath: /etc/kubernetes/manifests`) and runs them on its own. Look at the files inside the node, list the containers with `crictl`, then leave the node.\n\nFor each static pod the kubelet posts a read-only **mirror pod** to the API server, named `<pod>-<node>` (`kube-scheduler-kind-control-plane`) and owned by the Node. To stop a static pod you remove its file; the API cannot. On kind the workers\' manifest directory is empty.',
        ko: '파드를 띄우려면 API 서버가 있어야 하는데, 그 API 서버는 누가 띄울까요? 컨트롤 플레인 노드의 kubelet이 디렉터리(`staticPodPath: /etc/kubernetes/manifests`)에서 파드 매니페스트를 읽어 스스로 실행합니다. 노드 안에서 파일을 살펴보고, `crictl`로 컨테이너를 조회한 뒤 노드에서 나오세요.\n\nkubelet은 스태틱 파드마다 읽기 전용 **미러 파드**를 API 서버에 올립니다. 이름은 `<파드>-<노드>`(`kube-scheduler-kind-control-plane`)이고 소유자는 Node입니다. 스태틱 파드를 멈추려면 파일을 치워야 하며, API로는 멈출 수 없습니다. kind에서 워커의 매니페스트 디렉터리는 비어 있습니다.',
      },
      commands: ['docker exec -it kind-control-plane bash', 'ls /etc/kubernetes/manifests', 'cat /etc/kubernetes/manifests/kube-scheduler.yaml', 'crictl ps', 'exit', "kubectl get pod kube-scheduler-kind-control-plane -n kube-system -o jsonpath='{.metadata.ownerReferences[0].kind}'"],
      check: all(
        ran(/^ls .*\/etc\/kubernetes\/manifests/, { en: 'list /etc/kubernetes/manifests inside the control-plane node', ko: '컨트롤 플레인 노드 안에서 /etc/kubernetes/manifests를 조회하세요' }),
        ran(/^crictl (ps|pods)\b/, { en: 'list the containers with crictl', ko: 'crictl로 컨테이너를 조회하세요' }),
      ),
      solution: ['docker exec -it kind-control-plane bash', 'ls /etc/kubernetes/manifests', 'cat /etc/kubernetes/manifests/kube-scheduler.yaml', 'crictl ps', 'exit', "kubectl get pod kube-scheduler-kind-control-plane -n kube-system -o jsonpath='{.metadata.ownerReferences[0].kind}'"],
    },
  ],
};
