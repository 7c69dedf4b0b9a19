/**
 * Version skew and autoscaling: read every component's version and the v1.34 skew policy that
 * bounds them, then the HorizontalPodAutoscaler walkthrough on kind: metrics-server (with the
 * --kubelet-insecure-tls patch kind needs), kubectl top, kubectl autoscale, a load generator,
 * scale-out, and the five-minute scale-down stabilization window.
 */
import { absent, all, deploymentAvailable, holds, ran } from '../checks';
import type { Check, Lesson } from '../types';

const METRICS_SERVER = 'kubectl apply -f https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml';
const INSECURE_TLS = `kubectl patch -n kube-system deployment metrics-server --type=json -p '[{"op":"add","path":"/spec/template/spec/containers/0/args/-","value":"--kubelet-insecure-tls"}]'`;
const LOAD = 'kubectl run load-generator --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"';

interface MetricsServerSpec {
  template?: { spec?: { containers?: { args?: string[] }[] } };
}

function insecureTls(view: Parameters<Check>[0]): boolean | undefined {
  const spec = view.get('deployments.apps', 'kube-system', 'metrics-server')?.spec as MetricsServerSpec | undefined;
  return spec ? (spec.template?.spec?.containers?.[0]?.args ?? []).includes('--kubelet-insecure-tls') : undefined;
}

const hpaStatus = (view: Parameters<Check>[0]) =>
  view.get('horizontalpodautoscalers.autoscaling', 'default', 'php-apache')?.status as { currentReplicas?: number; currentMetrics?: { resource?: { current?: { averageUtilization?: number } } }[] } | undefined;

/** The HPA php-apache has read a CPU utilization from the metrics API. */
const hpaHasMetrics = holds((view) => hpaStatus(view)?.currentMetrics?.[0]?.resource?.current?.averageUtilization !== undefined, {
  en: 'create the HPA php-apache and wait until it shows a CPU percentage instead of <unknown>',
  ko: 'HPA php-apache를 만들고 <unknown> 대신 CPU 백분율이 보일 때까지 기다리세요',
});

/** The Deployment php-apache asks for `op` `count` replicas. */
function phpReplicas(op: 'atLeast' | 'exactly', count: number): Check {
  return (view) => {
    const replicas = Number((view.get('deployments.apps', 'default', 'php-apache')?.spec as { replicas?: number } | undefined)?.replicas ?? 0);
    const ok = op === 'atLeast' ? replicas >= count : replicas === count;
    return ok ? { done: true } : { done: false, missing: { en: `wait until php-apache has ${op === 'atLeast' ? 'at least ' : ''}${count} replicas (now ${replicas})`, ko: `php-apache의 레플리카가 ${count}개${op === 'atLeast' ? ' 이상' : ''}이 될 때까지 기다리세요 (현재 ${replicas}개)` } };
  };
}

/** The HPA has scaled down at least once (a SuccessfulRescale "All metrics below target" event). */
const scaledDown = holds((view) => view.list('events', 'default').some((e) => e.reason === 'SuccessfulRescale' && String(e.message).includes('All metrics below target')), {
  en: 'wait for the HPA to scale php-apache back down',
  ko: 'HPA가 php-apache를 다시 줄일 때까지 기다리세요',
});

export const lesson: Lesson = {
  id: '16-skew-and-autoscaling',
  title: { en: 'Version skew and autoscaling', ko: '버전 차이와 오토스케일링' },
  summary: {
    en: 'Read the version of every component and learn how far apart they may drift, then install metrics-server and let a HorizontalPodAutoscaler grow and shrink a Deployment under load.',
    ko: '모든 컴포넌트의 버전을 읽고 서로 얼마나 벌어져도 되는지 배운 다음, metrics-server를 설치하고 HorizontalPodAutoscaler가 부하에 따라 디플로이먼트를 늘리고 줄이게 해 봅니다.',
  },
  minutes: 25,
  start: 'default',
  steps: [
    {
      id: 'versions',
      title: { en: 'Whose version is it?', ko: '누구의 버전인가' },
      text: {
        en: 'Every component has its own version. `kubectl version` prints kubectl\'s (Client) and kube-apiserver\'s (Server). The VERSION column of `kubectl get nodes` is each node\'s **kubelet**, as the kubelet reports it in `status.nodeInfo`. The other components show theirs in their images.',
        ko: '컴포넌트마다 자기 버전이 있습니다. `kubectl version`은 kubectl의 버전(Client)과 kube-apiserver의 버전(Server)을 보여 줍니다. `kubectl get nodes`의 VERSION 열은 각 노드의 **kubelet** 버전으로, kubelet이 `status.nodeInfo`에 보고한 값입니다. 나머지 컴포넌트의 버전은 이미지에서 볼 수 있습니다.',
      },
      predict: {
        question: { en: 'kube-apiserver is v1.34. Which kubelet versions does the skew policy support?', ko: 'kube-apiserver가 v1.34일 때 버전 차이 정책이 지원하는 kubelet 버전은 무엇일까요?' },
        choices: [
          { en: '1.33 to 1.35: one minor version either way', ko: '1.33 ~ 1.35: 위아래로 마이너 버전 하나' },
          { en: '1.31 to 1.34: never newer, up to three minor versions older', ko: '1.31 ~ 1.34: 더 새로울 수는 없고, 마이너 버전 셋까지 오래될 수 있음' },
          { en: 'Only 1.34', ko: '1.34만' },
        ],
        answer: 1,
      },
      commands: ['kubectl version', 'kubectl get nodes', 'kubectl get pods -n kube-system -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image'],
      check: all(
        ran(/^k(ubectl)? version(?!.*--client)/, { en: 'run kubectl version (without --client, to see the server too)', ko: '서버 버전도 보이도록 --client 없이 kubectl version을 실행하세요' }),
        ran(/^k(ubectl)? get (nodes?|no)\b/, { en: 'list the nodes', ko: '노드 목록을 조회하세요' }),
        ran(/^k(ubectl)? get (pods?|po)\b.*kube-system.*image|^k(ubectl)? get (pods?|po)\b.*image.*kube-system/, { en: 'print the images of the kube-system pods', ko: 'kube-system 파드의 이미지를 출력하세요' }),
      ),
      explain: {
        en: 'Here everything is v1.34.0, but during an upgrade the versions differ, and the v1.34 policy says how far:\n\n- **kube-apiserver**: in an HA control plane, the newest and oldest instances within one minor version.\n- **kubelet** and **kube-proxy**: never newer than kube-apiserver, up to three minor versions older (1.31 to 1.34 here); kube-proxy also within three minor versions of the kubelet beside it.\n- **kube-controller-manager**, **kube-scheduler**, **cloud-controller-manager**: never newer than kube-apiserver, at most one minor version older.\n- **kubectl**: one minor version older or newer than kube-apiserver (1.33 to 1.35).\n\nSo an upgrade goes in this order: kube-apiserver first (one minor version at a time), then the controller manager, scheduler and cloud-controller-manager, then the nodes, draining each before its kubelet moves to a new minor version.',
        ko: '여기서는 모두 v1.34.0이지만, 업그레이드 중에는 버전이 서로 달라집니다. v1.34 정책이 허용하는 범위는 이렇습니다.\n\n- **kube-apiserver**: HA 컨트롤 플레인에서 가장 새 인스턴스와 가장 오래된 인스턴스가 마이너 버전 하나 이내.\n- **kubelet**과 **kube-proxy**: kube-apiserver보다 새로울 수 없고, 마이너 버전 셋까지 오래될 수 있음(여기서는 1.31 ~ 1.34). kube-proxy는 같은 노드의 kubelet과도 마이너 버전 셋 이내.\n- **kube-controller-manager**, **kube-scheduler**, **cloud-controller-manager**: kube-apiserver보다 새로울 수 없고, 최대 마이너 버전 하나까지 오래될 수 있음.\n- **kubectl**: kube-apiserver보다 마이너 버전 하나 위나 아래까지(1.33 ~ 1.35).\n\n그래서 업그레이드 순서는 kube-apiserver 먼저(마이너 버전 하나씩), 그다음 컨트롤러 매니저, 스케줄러, cloud-controller-manager, 마지막으로 노드입니다. kubelet의 마이너 버전을 올리기 전에는 그 노드를 드레인합니다.',
      },
      solution: ['kubectl version', 'kubectl get nodes', 'kubectl get pods -n kube-system -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image'],
    },
    {
      id: 'metrics-server',
      title: { en: 'Install metrics-server', ko: 'metrics-server 설치하기' },
      text: {
        en: 'An autoscaler needs numbers. **metrics-server** collects each pod\'s CPU and memory use from the kubelets every 15 seconds and serves it as the `metrics.k8s.io` API, which kube-apiserver proxies to it through an APIService (the aggregation layer). kind does not ship it: until it runs, `kubectl top nodes` only says `error: Metrics API not available`.\n\nInstall it. On kind, the kubelets\' serving certificates are self-signed and name no IP address, so metrics-server cannot verify them: add `--kubelet-insecure-tls` to its arguments (fine for a lab, not for production).',
        ko: '오토스케일러에는 숫자가 필요합니다. **metrics-server**는 15초마다 kubelet에서 각 파드의 CPU와 메모리 사용량을 모아 `metrics.k8s.io` API로 제공하고, kube-apiserver는 APIService(애그리게이션 계층)를 통해 요청을 metrics-server로 넘깁니다. kind에는 기본으로 들어 있지 않아서, 설치하기 전에는 `kubectl top nodes`가 `error: Metrics API not available`만 출력합니다.\n\n설치하세요. kind에서는 kubelet의 서빙 인증서가 자체 서명이고 IP 주소를 담고 있지 않아 metrics-server가 검증할 수 없습니다. 그래서 인자에 `--kubelet-insecure-tls`를 더합니다(실습에서는 괜찮지만 운영 환경에서는 안 됩니다).',
      },
      commands: [METRICS_SERVER, INSECURE_TLS, 'kubectl rollout status -n kube-system deployment metrics-server', 'kubectl get apiservice v1beta1.metrics.k8s.io', 'kubectl top nodes'],
      check: all(
        holds((view) => insecureTls(view) === true, { en: 'install metrics-server and add --kubelet-insecure-tls to its arguments', ko: 'metrics-server를 설치하고 인자에 --kubelet-insecure-tls를 더하세요' }),
        deploymentAvailable('metrics-server', 1, 'kube-system'),
        ran(/^k(ubectl)? top (nodes?|no|pods?|po)\b/, { en: 'run kubectl top nodes', ko: 'kubectl top nodes를 실행하세요' }),
      ),
      hints: [
        {
          when: holds((view) => insecureTls(view) === false),
          mistake: [METRICS_SERVER, 'sleep 60'],
          text: {
            en: 'Without `--kubelet-insecure-tls` metrics-server never becomes Ready on kind: its log shows `x509: cannot validate certificate ... because it doesn\'t contain any IP SANs`, and the APIService stays `False (MissingEndpoints)`. Run the `kubectl patch` command of this step.',
            ko: '`--kubelet-insecure-tls`가 없으면 kind에서 metrics-server는 끝내 Ready가 되지 않습니다. 로그에 `x509: cannot validate certificate ... because it doesn\'t contain any IP SANs`가 보이고 APIService는 `False (MissingEndpoints)`에 머뭅니다. 이 단계의 `kubectl patch` 명령을 실행하세요.',
          },
        },
      ],
      solution: [METRICS_SERVER, INSECURE_TLS, 'kubectl rollout status -n kube-system deployment metrics-server', 'kubectl get apiservice v1beta1.metrics.k8s.io', 'kubectl top nodes'],
    },
    {
      id: 'autoscale',
      title: { en: 'An HPA for php-apache', ko: 'php-apache를 위한 HPA' },
      text: {
        en: 'Deploy the `php-apache` example (each pod requests `200m` CPU) and give it a HorizontalPodAutoscaler that aims at 50% of the requested CPU, with 1 to 10 replicas. The HPA controller in kube-controller-manager checks every 15 seconds and computes `desired = ceil(current replicas × current utilization / target)`.',
        ko: '`php-apache` 예제(파드마다 CPU `200m` 요청)를 배포하고, 요청한 CPU의 50%를 목표로 레플리카 1 ~ 10개 사이에서 움직이는 HorizontalPodAutoscaler를 붙이세요. kube-controller-manager 안의 HPA 컨트롤러는 15초마다 확인하며 `원하는 수 = ceil(현재 레플리카 수 × 현재 사용률 / 목표)`로 계산합니다.',
      },
      commands: ['kubectl apply -f https://k8s.io/examples/application/php-apache.yaml', 'kubectl autoscale deployment php-apache --cpu=50% --min=1 --max=10', 'kubectl get hpa', 'kubectl get hpa'],
      check: all(deploymentAvailable('php-apache', 1), hpaHasMetrics),
      explain: {
        en: 'At first TARGETS read `cpu: <unknown>/50%`: the HPA had no metrics for the new pod yet. Once metrics-server had a sample, it showed `cpu: 0%/50%`, and 1 replica is the minimum anyway.',
        ko: '처음에 TARGETS는 `cpu: <unknown>/50%`였습니다. 새 파드의 지표가 아직 없었기 때문입니다. metrics-server가 값을 모으자 `cpu: 0%/50%`가 되었고, 레플리카는 어차피 최소인 1개입니다.',
      },
      solution: ['kubectl apply -f https://k8s.io/examples/application/php-apache.yaml', 'kubectl autoscale deployment php-apache --cpu=50% --min=1 --max=10', 'kubectl get hpa', 'sleep 45', 'kubectl get hpa'],
    },
    {
      id: 'load',
      title: { en: 'Load it', ko: '부하 주기' },
      text: {
        en: 'Start a pod that requests the page in a tight loop, and watch the HPA for two or three minutes.',
        ko: '페이지를 쉬지 않고 요청하는 파드를 띄우고, HPA를 2 ~ 3분 지켜보세요.',
      },
      predict: {
        question: { en: 'With one pod at about 180% of its CPU request, what does the HPA do?', ko: '파드 하나가 CPU 요청의 약 180%를 쓰면 HPA는 어떻게 할까요?' },
        choices: [
          { en: 'Jump straight to the maximum, 10', ko: '곧바로 최대치 10으로 늘림' },
          { en: 'Add pods in steps until the average is near 50%', ko: '평균이 50% 근처가 될 때까지 몇 번에 나눠 파드를 늘림' },
          { en: 'Nothing for five minutes', ko: '5분 동안 아무것도 안 함' },
        ],
        answer: 1,
      },
      commands: [LOAD, 'kubectl get hpa php-apache', 'kubectl top pod -l app.kubernetes.io/name=php-apache', 'kubectl get hpa php-apache', 'kubectl describe hpa php-apache'],
      check: all(phpReplicas('atLeast', 4), ran(/^k(ubectl)? (get|describe) (hpa|horizontalpodautoscalers?)\b/, { en: 'look at the HPA', ko: 'HPA를 확인하세요' })),
      explain: {
        en: 'Each round, the HPA computes a new size from the average utilization over the pods (the events show `New size: ...; reason: cpu resource utilization (percentage of request) above target`), and new pods spread the load until the average settles near 50%. Scaling up has no stabilization window by default, so it reacts within a round or two.',
        ko: 'HPA는 매번 파드들의 평균 사용률로 새 크기를 계산합니다(이벤트에 `New size: ...; reason: cpu resource utilization (percentage of request) above target`가 보입니다). 새 파드가 부하를 나눠 가지면서 평균이 50% 근처에 자리 잡습니다. 늘릴 때는 기본적으로 안정화 기간이 없어서 한두 번의 확인 만에 반응합니다.',
      },
      solution: [LOAD, 'sleep 30', 'kubectl get hpa php-apache', 'kubectl top pod -l app.kubernetes.io/name=php-apache', 'sleep 2m', 'kubectl get hpa php-apache', 'kubectl describe hpa php-apache'],
    },
    {
      id: 'scale-down',
      title: { en: 'Stop the load', ko: '부하 멈추기' },
      text: {
        en: 'Delete the load generator. CPU use drops to 0% at once. Check the HPA after two minutes, and again a few minutes later.',
        ko: '부하 생성기를 지우세요. CPU 사용량은 곧바로 0%로 떨어집니다. 2분 뒤에 HPA를 확인하고, 몇 분 뒤에 다시 확인해 보세요.',
      },
      predict: {
        question: { en: 'Two minutes after the load stops, how many replicas are there?', ko: '부하가 멈추고 2분 뒤 레플리카는 몇 개일까요?' },
        choices: [
          { en: '1: the HPA scales down as soon as CPU drops', ko: '1개: CPU가 떨어지면 HPA가 곧바로 줄임' },
          { en: 'Still as many as under load', ko: '부하가 있을 때와 같은 수 그대로' },
          { en: '0: no load, no pods', ko: '0개: 부하가 없으니 파드도 없음' },
        ],
        answer: 1,
      },
      commands: ['kubectl delete pod load-generator', 'kubectl get hpa php-apache', 'kubectl get hpa php-apache', 'kubectl get deployment php-apache'],
      check: all(absent('pods', 'default', 'load-generator', { en: 'delete the pod load-generator', ko: '파드 load-generator를 지우세요' }), scaledDown, phpReplicas('exactly', 1)),
      explain: {
        en: 'Scaling down waits for the **stabilization window**, 300 seconds by default: the HPA uses the highest recommendation of the last five minutes, so a short dip does not remove pods that would be needed again a moment later. After that it went back to `minReplicas`, 1 (not 0: an HPA does not go below `minReplicas`), with `reason: All metrics below target`. Both windows can be tuned per HPA in `spec.behavior`.',
        ko: '축소는 기본 300초인 **안정화 기간**을 기다립니다. HPA는 지난 5분 동안의 권장값 중 가장 큰 값을 쓰므로, 잠깐 부하가 줄었다고 곧 다시 필요할 파드를 없애지 않습니다. 그 뒤에 `reason: All metrics below target`과 함께 `minReplicas`인 1개로(0개가 아닙니다. HPA는 `minReplicas` 밑으로 내려가지 않습니다) 돌아갔습니다. 두 방향의 안정화 기간은 HPA마다 `spec.behavior`에서 조정할 수 있습니다.',
      },
      solution: ['kubectl delete pod load-generator', 'sleep 2m', 'kubectl get hpa php-apache', 'sleep 4m', 'kubectl get hpa php-apache', 'kubectl get deployment php-apache'],
    },
  ],
};
