/**
 * Workload controllers beyond Deployments: a StatefulSet's numbered pods, their own claims and DNS
 * names, ordered start and reverse-order scale-down; a DaemonSet's pod per node; Jobs that run to
 * completion, in parallel or until their retries run out; and CronJobs that make Jobs on a schedule.
 */
import { absent, all, holds, jobCondition, podRunning, podsReady, ran } from '../checks';
import type { Check, Lesson } from '../types';

const writeFile = (file: string, body: string) => [`cat <<EOF > ${file}`, ...body.split('\n'), 'EOF'];

const WEB = `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.8
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi`;

const PI = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      containers:
      - name: pi
        image: perl:5.34.0
        command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]
      restartPolicy: Never
  backoffLimit: 4`;

const BATCH = `apiVersion: batch/v1
kind: Job
metadata:
  name: batch
spec:
  completions: 4
  parallelism: 2
  template:
    spec:
      containers:
      - name: worker
        image: busybox:1.36
        command: ["sh", "-c", "echo working; sleep 5"]
      restartPolicy: Never`;

const FLAKY = `apiVersion: batch/v1
kind: Job
metadata:
  name: flaky
spec:
  backoffLimit: 2
  template:
    spec:
      containers:
      - name: worker
        image: busybox:1.36
        command: ["sh", "-c", "echo connecting to the database; exit 1"]
      restartPolicy: Never`;

const POD_TOLERATIONS = "kubectl get pods -n kube-system -l k8s-app=kube-proxy -o jsonpath='{.items[0].spec.tolerations}'";
const DNS_TEST = 'kubectl run -i --tty --image busybox:1.36 dns-test --restart=Never --rm';
const HELLO = `kubectl create cronjob hello --image=busybox:1.36 --schedule="* * * * *" -- sh -c 'date; echo Hello from the cluster'`;

const live = (view: Parameters<Check>[0], selector: string) => view.list('pods', 'default', selector).filter((p) => !p.metadata.deletionTimestamp);

/** The StatefulSet has exactly the pods `web-0` .. `web-<n-1>`, and the claims `www-web-0` .. `www-web-<claims-1>` exist. */
function statefulPods(replicas: number, claims: number): Check {
  return (view) => {
    const names = live(view, 'app=nginx').map((p) => p.metadata.name).sort();
    const want = Array.from({ length: replicas }, (_, i) => `web-${i}`);
    const haveClaims = Array.from({ length: claims }, (_, i) => `www-web-${i}`).every((c) => view.get('persistentvolumeclaims', 'default', c));
    return names.join() === want.join() && haveClaims
      ? { done: true }
      : { done: false, missing: { en: `get the StatefulSet to pods ${want.join(', ')} with claims www-web-0 to www-web-${claims - 1} (pods now: ${names.join(', ') || 'none'})`, ko: `스테이트풀셋을 파드 ${want.join(', ')}와 클레임 www-web-0 ~ www-web-${claims - 1} 상태로 만드세요 (현재 파드: ${names.join(', ') || '없음'})` } };
  };
}

/** The Job has at least `count` succeeded pods. */
function jobSucceeded(name: string, count: number): Check {
  return (view) => {
    const succeeded = Number((view.get('jobs.batch', 'default', name)?.status as { succeeded?: number } | undefined)?.succeeded ?? 0);
    return succeeded >= count ? { done: true } : { done: false, missing: { en: `wait until Job "${name}" has ${count} succeeded pods (now ${succeeded})`, ko: `잡 "${name}"의 성공한 파드가 ${count}개가 될 때까지 기다리세요 (현재 ${succeeded}개)` } };
  };
}

/** The CronJob has made more Jobs than its history keeps: it has deleted an old one, and exactly `kept` remain. */
function cronHistoryTrimmed(name: string, kept: number): Check {
  return (view) => {
    const trimmed = view.list('events', 'default').some((e) => e.reason === 'SuccessfulDelete' && (e.involvedObject as { kind?: string; name?: string } | undefined)?.name === name);
    const jobs = view.list('jobs.batch', 'default').filter((j) => j.metadata.ownerReferences?.some((o) => o.kind === 'CronJob' && o.name === name)).length;
    return trimmed && jobs === kept ? { done: true } : { done: false, missing: { en: `let CronJob "${name}" run until it deletes its oldest Job (${jobs} Jobs now)`, ko: `크론잡 "${name}"이(가) 가장 오래된 잡을 지울 때까지 기다리세요 (현재 잡 ${jobs}개)` } };
  };
}

export const lesson: Lesson = {
  id: '14-workload-controllers',
  title: { en: 'StatefulSets, DaemonSets, Jobs and CronJobs', ko: '스테이트풀셋, 데몬셋, 잡, 크론잡' },
  summary: {
    en: 'Run pods that keep their names, disks and DNS names, see one pod per node from a DaemonSet, run work to completion with Jobs (in parallel, and with retries), and schedule Jobs with a CronJob.',
    ko: '이름, 디스크, DNS 이름을 유지하는 파드를 띄우고, 데몬셋이 노드마다 파드를 하나씩 두는 모습을 보고, 잡으로 작업을 끝까지(병렬로, 재시도와 함께) 실행하고, 크론잡으로 잡을 예약해 봅니다.',
  },
  minutes: 30,
  start: 'default',
  steps: [
    {
      id: 'statefulset',
      title: { en: 'A StatefulSet numbers its pods', ko: '스테이트풀셋은 파드에 번호를 매긴다' },
      text: {
        en: 'A ReplicaSet\'s pods are interchangeable: random names, started in any order, and any of them may be removed. A **StatefulSet** gives each pod an identity instead: the name `<statefulset>-<ordinal>` (`web-0`, `web-1`, ...), its own PersistentVolumeClaim made from `volumeClaimTemplates` (`www-web-0`, ...), and a DNS name through a **headless** Service (`clusterIP: None`) named in `serviceName`.\n\nApply the Service and the StatefulSet, and list the pods a few times while they start.',
        ko: '레플리카셋의 파드는 서로 바꿔 써도 되는 존재입니다. 이름은 무작위이고, 어떤 순서로든 시작되며, 아무거나 지워질 수 있습니다. **스테이트풀셋**은 파드마다 고유한 정체성을 줍니다. `<스테이트풀셋>-<순번>` 형태의 이름(`web-0`, `web-1`, ...), `volumeClaimTemplates`로 만든 자기만의 퍼시스턴트볼륨클레임(`www-web-0`, ...), 그리고 `serviceName`에 적은 **헤드리스** 서비스(`clusterIP: None`)를 통한 DNS 이름입니다.\n\n서비스와 스테이트풀셋을 적용하고, 파드가 뜨는 동안 목록을 몇 번 조회해 보세요.',
      },
      files: [{ path: 'web.yaml', content: `${WEB}\n` }],
      predict: {
        question: { en: 'Two seconds after `kubectl apply`, which pods exist?', ko: '`kubectl apply` 2초 뒤에는 어떤 파드가 있을까요?' },
        choices: [
          { en: 'web-0 and web-1, both starting', ko: 'web-0과 web-1이 함께 시작 중' },
          { en: 'Only web-0: web-1 is created once web-0 is Running and Ready', ko: 'web-0만: web-1은 web-0이 Running이고 Ready가 된 뒤에 만들어짐' },
          { en: 'Two pods with random suffixes', ko: '무작위 접미사가 붙은 파드 두 개' },
        ],
        answer: 1,
      },
      commands: ['kubectl apply -f web.yaml', 'kubectl get pods -l app=nginx', 'kubectl get pods -l app=nginx', 'kubectl get statefulset web', 'kubectl get pvc -l app=nginx'],
      check: all(statefulPods(2, 2), podsReady('app=nginx', 2), ran(/^k(ubectl)? get (pvc|persistentvolumeclaims?)\b/, { en: 'list the claims the StatefulSet made', ko: '스테이트풀셋이 만든 클레임을 조회하세요' })),
      explain: {
        en: 'With the default `podManagementPolicy: OrderedReady` the controller creates one pod at a time, in ordinal order, and waits for each to be Running and Ready before the next. Each pod got its own claim, named after the template and the pod.',
        ko: '기본값 `podManagementPolicy: OrderedReady`에서 컨트롤러는 순번대로 한 번에 파드 하나씩 만들고, 각 파드가 Running이고 Ready가 된 뒤에야 다음 파드를 만듭니다. 파드마다 템플릿 이름과 파드 이름을 딴 클레임이 하나씩 생겼습니다.',
      },
      solution: [...writeFile('web.yaml', WEB), 'kubectl apply -f web.yaml', 'sleep 2', 'kubectl get pods -l app=nginx', 'sleep 15', 'kubectl get pods -l app=nginx', 'kubectl get statefulset web', 'kubectl get pvc -l app=nginx'],
    },
    {
      id: 'identity',
      title: { en: 'Stable names, even after a restart', ko: '다시 만들어져도 그대로인 이름' },
      text: {
        en: 'The headless Service has no cluster IP; CoreDNS answers with the pods\' own IPs instead, and gives each StatefulSet pod a record of its own: `web-0.nginx.default.svc.cluster.local`, or `web-0.nginx` from inside the namespace. Look one up from a test pod.\n\nThen delete `web-0` and watch what replaces it.',
        ko: '헤드리스 서비스에는 클러스터 IP가 없습니다. 대신 CoreDNS가 파드 자체의 IP로 응답하고, 스테이트풀셋 파드마다 고유한 레코드를 줍니다. `web-0.nginx.default.svc.cluster.local`, 같은 네임스페이스 안에서는 `web-0.nginx`입니다. 테스트 파드에서 조회해 보세요.\n\n그다음 `web-0`을 지우고 무엇이 그 자리를 채우는지 보세요.',
      },
      commands: [DNS_TEST, 'nslookup web-0.nginx', 'exit', 'kubectl delete pod web-0', 'kubectl get pods -l app=nginx -o wide'],
      check: all(
        ran(/^nslookup web-0\.nginx\b/, { en: 'look up web-0.nginx from a pod', ko: '파드 안에서 web-0.nginx를 조회하세요' }),
        ran(/^k(ubectl)? delete (pods?|po) web-0\b/, { en: 'delete the pod web-0', ko: '파드 web-0을 지우세요' }),
        podRunning('web-0'),
      ),
      hints: [
        {
          when: ran(/^nslookup web-0\s*$/, { en: 'nslookup web-0', ko: 'nslookup web-0' }),
          mistake: [DNS_TEST, 'nslookup web-0', 'exit'],
          text: {
            en: 'A pod\'s record lives under its Service: `web-0` alone is not a name in DNS. Ask for `web-0.nginx`.',
            ko: '파드의 레코드는 서비스 아래에 있습니다. `web-0`만으로는 DNS 이름이 아닙니다. `web-0.nginx`로 조회하세요.',
          },
        },
      ],
      explain: {
        en: 'The new pod is `web-0` again, with the same hostname and the same claim `www-web-0`, so it finds the data the old one left. Its IP may differ, which is why clients should use the DNS name.',
        ko: '새 파드의 이름도 `web-0`이고, 호스트 이름과 클레임 `www-web-0`도 같아서 옛 파드가 남긴 데이터를 그대로 찾습니다. IP는 달라질 수 있으니 클라이언트는 DNS 이름을 써야 합니다.',
      },
      solution: [DNS_TEST, 'nslookup web-0.nginx', 'exit', 'kubectl delete pod web-0', 'sleep 10', 'kubectl get pods -l app=nginx -o wide'],
    },
    {
      id: 'scale',
      title: { en: 'Scale up in order, down in reverse', ko: '늘릴 때는 순서대로, 줄일 때는 거꾸로' },
      text: {
        en: 'Scale `web` to 4 and wait until all four run. Then scale it back to 2 and watch (`Ctrl-C` stops the watch).',
        ko: '`web`을 4개로 늘리고 네 개가 모두 뜰 때까지 기다리세요. 그다음 다시 2개로 줄이면서 지켜보세요(`Ctrl-C`로 지켜보기를 멈춥니다).',
      },
      predict: {
        question: { en: 'Scaling from 4 to 2, which pods go, and what happens to their claims?', ko: '4개에서 2개로 줄이면 어떤 파드가 사라지고, 그 클레임은 어떻게 될까요?' },
        choices: [
          { en: 'web-3, then web-2; their claims stay', ko: 'web-3, 그다음 web-2가 사라지고 클레임은 남음' },
          { en: 'Two at random; their claims are deleted', ko: '무작위로 두 개가 사라지고 클레임도 지워짐' },
          { en: 'web-0 and web-1, the oldest', ko: '가장 오래된 web-0과 web-1' },
        ],
        answer: 0,
      },
      commands: ['kubectl scale statefulset web --replicas=4', 'kubectl get pods -l app=nginx', 'kubectl scale statefulset web --replicas=2', 'kubectl get pods -l app=nginx -w', 'kubectl get pvc -l app=nginx'],
      check: all(statefulPods(2, 4), ran(/^k(ubectl)? get (pvc|persistentvolumeclaims?)\b/, { en: 'list the claims again', ko: '클레임을 다시 조회하세요' })),
      fails: [
        {
          when: holds((view) => live(view, 'app=nginx').length === 0 && view.get('statefulsets.apps', 'default', 'web') !== undefined),
          mistake: ['kubectl scale statefulset web --replicas=0', 'sleep 30'],
          text: {
            en: 'The StatefulSet is at 0 replicas. Scale it to 4 (`kubectl scale statefulset web --replicas=4`); the pods come back under the same names and find their claims.',
            ko: '스테이트풀셋의 레플리카가 0개입니다. 4개로 늘리세요(`kubectl scale statefulset web --replicas=4`). 파드가 같은 이름으로 돌아와 자기 클레임을 다시 찾습니다.',
          },
        },
      ],
      explain: {
        en: 'Scale-down goes from the highest ordinal down, one pod at a time. The claims `www-web-2` and `www-web-3` are kept (the default `persistentVolumeClaimRetentionPolicy` is `Retain` on scale-down and on delete), so scaling up again gives the same pods their old data.',
        ko: '축소는 가장 큰 순번부터 한 번에 하나씩 진행됩니다. 클레임 `www-web-2`와 `www-web-3`은 남아 있습니다(기본 `persistentVolumeClaimRetentionPolicy`는 축소할 때도 삭제할 때도 `Retain`). 그래서 다시 늘리면 같은 파드가 예전 데이터를 그대로 받습니다.',
      },
      solution: ['kubectl scale statefulset web --replicas=4', 'sleep 20', 'kubectl get pods -l app=nginx', 'kubectl scale statefulset web --replicas=2', 'sleep 10', 'kubectl get pods -l app=nginx', 'kubectl get pvc -l app=nginx'],
    },
    {
      id: 'daemonset',
      title: { en: 'A DaemonSet runs one pod per node', ko: '데몬셋은 노드마다 파드 하나를 띄운다' },
      text: {
        en: 'Some pods belong on every node: a network agent, a log collector, a node monitor. A **DaemonSet** keeps exactly one on each node that matches it, and adds one when a node joins. kind already runs two: `kindnet` (the CNI) and `kube-proxy`.\n\nThe control-plane node is tainted `NoSchedule`, yet it runs a `kube-proxy` pod: look at the DaemonSet\'s tolerations. Then delete all the kube-proxy pods.',
        ko: '어떤 파드는 모든 노드에 있어야 합니다. 네트워크 에이전트, 로그 수집기, 노드 모니터 같은 것들입니다. **데몬셋**은 조건에 맞는 노드마다 정확히 하나씩 파드를 두고, 노드가 새로 들어오면 하나를 더 띄웁니다. kind는 이미 `kindnet`(CNI)과 `kube-proxy` 두 개를 돌리고 있습니다.\n\n컨트롤 플레인 노드에는 `NoSchedule` 테인트가 있는데도 `kube-proxy` 파드가 떠 있습니다. 데몬셋의 톨러레이션을 확인해 보세요. 그다음 kube-proxy 파드를 모두 지워 보세요.',
      },
      commands: ['kubectl get daemonsets -n kube-system', "kubectl get ds kube-proxy -n kube-system -o jsonpath='{.spec.template.spec.tolerations}'", 'kubectl describe node kind-control-plane | grep Taints', 'kubectl delete pod -n kube-system -l k8s-app=kube-proxy', 'kubectl get pods -n kube-system -l k8s-app=kube-proxy -o wide', POD_TOLERATIONS],
      check: all(
        ran(/^k(ubectl)? get (daemonsets?|ds)\b/, { en: 'list the DaemonSets', ko: '데몬셋 목록을 조회하세요' }),
        ran(/^k(ubectl)? delete (pods?|po) .*k8s-app=kube-proxy/, { en: 'delete the kube-proxy pods', ko: 'kube-proxy 파드를 지우세요' }),
        podsReady('k8s-app=kube-proxy', 3, 'kube-system'),
      ),
      explain: {
        en: '`{"operator":"Exists"}` with no key tolerates every taint, so kube-proxy runs on the control plane too. The DaemonSet controller made a replacement for each node at once, pinned to its node by node affinity on `metadata.name`. The new pods\' tolerations show what the controller adds to every DaemonSet pod: `not-ready` and `unreachable` with no time limit (node trouble never evicts them), and the pressure, `unschedulable` and (for host-network pods like this one) `network-unavailable` taints.',
        ko: '키 없는 `{"operator":"Exists"}`는 모든 테인트를 용인하므로 kube-proxy는 컨트롤 플레인에서도 돕니다. 데몬셋 컨트롤러는 노드마다 대체 파드를 곧바로 만들었고, `metadata.name`에 대한 노드 어피니티로 각 파드를 자기 노드에 묶었습니다. 새 파드의 톨러레이션을 보면 컨트롤러가 모든 데몬셋 파드에 더하는 것이 보입니다. 시간 제한 없는 `not-ready`와 `unreachable`(노드에 문제가 생겨도 축출되지 않음), 그리고 pressure 계열, `unschedulable`, (이 파드처럼 호스트 네트워크를 쓰는 파드라면) `network-unavailable` 테인트입니다.',
      },
      solution: ['kubectl get daemonsets -n kube-system', "kubectl get ds kube-proxy -n kube-system -o jsonpath='{.spec.template.spec.tolerations}'", 'echo', 'kubectl describe node kind-control-plane | grep Taints', 'kubectl delete pod -n kube-system -l k8s-app=kube-proxy', 'sleep 5', 'kubectl get pods -n kube-system -l k8s-app=kube-proxy -o wide', POD_TOLERATIONS, 'echo'],
    },
    {
      id: 'job',
      title: { en: 'A Job runs to completion', ko: '잡은 끝날 때까지 실행된다' },
      text: {
        en: 'A Deployment restarts a container that exits; a **Job** wants it to exit, successfully. Its pods use `restartPolicy: Never` or `OnFailure`, and the Job is Complete once enough of them succeed. Run the classic one that prints π to 2000 digits, wait for it, and read its output.',
        ko: '디플로이먼트는 종료한 컨테이너를 다시 띄우지만, **잡**은 컨테이너가 성공적으로 종료하기를 바랍니다. 잡의 파드는 `restartPolicy: Never`나 `OnFailure`를 쓰고, 충분한 수의 파드가 성공하면 잡이 Complete가 됩니다. π를 2000자리까지 출력하는 고전적인 예제를 실행하고, 끝날 때까지 기다린 뒤 출력을 읽어 보세요.',
      },
      files: [{ path: 'pi.yaml', content: `${PI}\n` }],
      commands: ['kubectl apply -f pi.yaml', 'kubectl wait --for=condition=complete --timeout=300s job/pi', 'kubectl get jobs', 'kubectl get pods', 'kubectl logs job/pi'],
      check: all(jobCondition('pi', 'Complete'), ran(/^k(ubectl)? logs .*(job\/|jobs\/)pi\b|^k(ubectl)? logs pi-/, { en: 'read the output of the Job', ko: '잡의 출력을 읽으세요' })),
      explain: {
        en: 'The pod stays, `Completed`, so its logs can still be read; deleting the Job deletes it (or set `ttlSecondsAfterFinished` to clean up automatically). The Job\'s pods carry the label `batch.kubernetes.io/job-name=pi`.',
        ko: '파드는 `Completed` 상태로 남아 있어서 로그를 계속 읽을 수 있습니다. 잡을 지우면 함께 지워집니다(`ttlSecondsAfterFinished`를 정하면 자동으로 정리됩니다). 잡의 파드에는 `batch.kubernetes.io/job-name=pi` 레이블이 붙어 있습니다.',
      },
      solution: [...writeFile('pi.yaml', PI), 'kubectl apply -f pi.yaml', 'kubectl wait --for=condition=complete --timeout=300s job/pi', 'kubectl get jobs', 'kubectl get pods', 'kubectl logs job/pi'],
    },
    {
      id: 'parallel',
      title: { en: 'Completions and parallelism', ko: 'completions와 parallelism' },
      text: {
        en: '`completions` is how many pods must succeed; `parallelism` is how many may run at once. Run a Job that needs 4 successes, 2 at a time.',
        ko: '`completions`는 성공해야 하는 파드 수이고, `parallelism`은 동시에 실행할 수 있는 파드 수입니다. 성공 4번이 필요하고 한 번에 2개씩 실행하는 잡을 만들어 보세요.',
      },
      files: [{ path: 'batch.yaml', content: `${BATCH}\n` }],
      predict: {
        question: { en: 'Right after `kubectl apply`, how many `batch` pods run?', ko: '`kubectl apply` 직후 `batch` 파드는 몇 개가 실행될까요?' },
        choices: [{ en: '1', ko: '1개' }, { en: '2', ko: '2개' }, { en: '4', ko: '4개' }],
        answer: 1,
      },
      commands: ['kubectl apply -f batch.yaml', 'kubectl get pods -l job-name=batch', 'kubectl get jobs', 'kubectl get pods -l job-name=batch'],
      check: all(jobSucceeded('batch', 4), jobCondition('batch', 'Complete')),
      explain: {
        en: 'Two pods ran, and as each finished the Job started another until 4 had succeeded: `COMPLETIONS 4/4`, four `Completed` pods.',
        ko: '파드 두 개가 돌았고, 하나가 끝날 때마다 잡이 새 파드를 띄워 성공이 4번이 될 때까지 이어 갔습니다. 그래서 `COMPLETIONS 4/4`이고 `Completed` 파드가 네 개입니다.',
      },
      solution: [...writeFile('batch.yaml', BATCH), 'kubectl apply -f batch.yaml', 'sleep 4', 'kubectl get pods -l job-name=batch', 'sleep 30', 'kubectl get jobs', 'kubectl get pods -l job-name=batch'],
    },
    {
      id: 'retries',
      title: { en: 'Retries and backoffLimit', ko: '재시도와 backoffLimit' },
      text: {
        en: 'When a pod fails, the Job makes a new one after a back-off delay that doubles each time (10 s, 20 s, 40 s, ... up to 6 minutes). `backoffLimit` (6 by default) is how many retries it allows before the whole Job fails. Run a Job that always fails, with `backoffLimit: 2`, and wait about a minute.',
        ko: '파드가 실패하면 잡은 매번 두 배로 늘어나는 대기 시간(10초, 20초, 40초, ... 최대 6분) 뒤에 새 파드를 만듭니다. `backoffLimit`(기본값 6)은 잡 전체를 실패로 처리하기 전까지 허용하는 재시도 횟수입니다. 항상 실패하는 잡을 `backoffLimit: 2`로 실행하고 1분쯤 기다려 보세요.',
      },
      files: [{ path: 'flaky.yaml', content: `${FLAKY}\n` }],
      commands: ['kubectl apply -f flaky.yaml', 'kubectl get pods -l job-name=flaky', 'kubectl logs job/flaky', 'kubectl get jobs', 'kubectl describe job flaky'],
      check: all(jobCondition('flaky', 'Failed', 'BackoffLimitExceeded'), ran(/^k(ubectl)? describe (jobs?|jobs\.batch)[ /]flaky\b/, { en: 'describe the Job flaky', ko: '잡 flaky를 describe 하세요' })),
      explain: {
        en: 'Three pods ran (the first try and two retries), all `Error`. Then the Job got the condition `Failed` with reason `BackoffLimitExceeded`, and the event says so. The failed pods stay, so `kubectl logs` can still tell you why.',
        ko: '파드 세 개(첫 시도와 재시도 두 번)가 모두 `Error`로 끝났습니다. 그러자 잡에 `BackoffLimitExceeded` 사유의 `Failed` 조건이 붙었고, 이벤트에도 그렇게 남았습니다. 실패한 파드는 남아 있으므로 `kubectl logs`로 원인을 계속 볼 수 있습니다.',
      },
      solution: [...writeFile('flaky.yaml', FLAKY), 'kubectl apply -f flaky.yaml', 'sleep 5', 'kubectl get pods -l job-name=flaky', 'kubectl logs job/flaky', 'sleep 40', 'kubectl get jobs', 'kubectl describe job flaky'],
    },
    {
      id: 'cronjob',
      title: { en: 'A CronJob makes Jobs on a schedule', ko: '크론잡은 일정에 따라 잡을 만든다' },
      text: {
        en: 'A **CronJob** creates a Job from its `jobTemplate` each time its cron `schedule` comes round (in the kube-controller-manager\'s time zone unless `timeZone` is set; UTC on kind). Create one that runs every minute and wait five minutes.',
        ko: '**크론잡**은 크론 형식의 `schedule`이 돌아올 때마다 `jobTemplate`으로 잡을 하나씩 만듭니다(`timeZone`을 정하지 않으면 kube-controller-manager의 시간대를 따르며, kind에서는 UTC입니다). 매분 실행되는 크론잡을 만들고 5분 기다려 보세요.',
      },
      predict: {
        question: { en: 'After five runs, how many `hello-...` Jobs does `kubectl get jobs` list?', ko: '다섯 번 실행된 뒤 `kubectl get jobs`에는 `hello-...` 잡이 몇 개 보일까요?' },
        choices: [{ en: '5', ko: '5개' }, { en: '3', ko: '3개' }, { en: '1', ko: '1개' }],
        answer: 1,
      },
      commands: [HELLO, 'kubectl get cronjob hello', 'kubectl get jobs', 'kubectl describe cronjob hello'],
      check: all(cronHistoryTrimmed('hello', 3), ran(/^k(ubectl)? get jobs?\b/, { en: 'list the Jobs', ko: '잡 목록을 조회하세요' })),
      hints: [
        {
          when: holds((view) => view.history.some((l) => /^k(ubectl)? create cronjob hello\b/.test(l)) && !view.get('cronjobs.batch', 'default', 'hello')),
          mistake: [`kubectl create cronjob hello --image=busybox:1.36 --schedule="* * * *" -- date`],
          text: {
            en: 'The CronJob was not created: read the error. A schedule has exactly five fields: minute, hour, day of month, month, day of week (`* * * * *` is every minute).',
            ko: '크론잡이 만들어지지 않았습니다. 오류 메시지를 읽어 보세요. 일정은 분, 시, 일, 월, 요일의 정확히 다섯 필드로 씁니다(`* * * * *`는 매분).',
          },
        },
      ],
      explain: {
        en: 'Each Job is named after its scheduled time, `hello-<minutes since 1970>`, so one schedule time can never make two Jobs. Only the last 3 successful Jobs are kept (`successfulJobsHistoryLimit: 3`; failed ones: `failedJobsHistoryLimit: 1`); the older ones were deleted with their pods, as the `SuccessfulDelete` events show.',
        ko: '잡 이름은 예약 시각을 딴 `hello-<1970년부터 센 분>`이라서, 같은 예약 시각에 잡이 두 개 생길 수 없습니다. 성공한 잡은 마지막 3개만 남고(`successfulJobsHistoryLimit: 3`, 실패한 잡은 `failedJobsHistoryLimit: 1`), 그보다 오래된 잡은 파드와 함께 지워졌습니다. `SuccessfulDelete` 이벤트에서 확인할 수 있습니다.',
      },
      solution: [HELLO, 'kubectl get cronjob hello', 'sleep 5m', 'kubectl get cronjob hello', 'kubectl get jobs', 'kubectl describe cronjob hello'],
    },
    {
      id: 'clean-up',
      title: { en: 'Clean up', ko: '정리하기' },
      text: {
        en: 'Deleting a CronJob deletes its Jobs, and deleting a Job deletes its pods. Deleting the StatefulSet does not delete its claims: remove those yourself.',
        ko: '크론잡을 지우면 그 잡들이, 잡을 지우면 그 파드들이 함께 지워집니다. 스테이트풀셋을 지워도 클레임은 지워지지 않으니 직접 지우세요.',
      },
      commands: ['kubectl delete cronjob hello', 'kubectl delete job pi batch flaky', 'kubectl delete -f web.yaml', 'kubectl get pvc', 'kubectl delete pvc -l app=nginx'],
      check: all(
        absent('cronjobs.batch', 'default', 'hello', { en: 'delete the CronJob hello', ko: '크론잡 hello를 지우세요' }),
        absent('statefulsets.apps', 'default', 'web', { en: 'delete the StatefulSet web', ko: '스테이트풀셋 web을 지우세요' }),
        holds((view) => view.list('persistentvolumeclaims', 'default').length === 0, { en: 'delete the claims www-web-0 to www-web-3', ko: '클레임 www-web-0 ~ www-web-3을 지우세요' }),
      ),
      solution: ['kubectl delete cronjob hello', 'kubectl delete job pi batch flaky', 'kubectl delete -f web.yaml', 'kubectl get pvc', 'kubectl delete pvc -l app=nginx', 'sleep 5'],
    },
  ],
};
