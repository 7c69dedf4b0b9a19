/**
 * Services and kube-proxy: a stable virtual IP in front of changing pods, the EndpointSlices that
 * list them, the iptables rules kube-proxy writes on every node, CoreDNS names, and what happens
 * when no endpoint is ready.
 */
import { all, deploymentAvailable, ran, serviceEndpoints } from '../checks';
import type { Lesson } from '../types';

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: hello
spec:
  type: NodePort
  selector:
    app: hello
  ports:
  - port: 80
    targetPort: 80
    nodePort: 30080`;

export const lesson: Lesson = {
  id: '11-services',
  title: { en: 'Services, kube-proxy and DNS', ko: '서비스, kube-proxy, DNS' },
  summary: {
    en: 'Put a Service in front of three pods, follow a request from a client pod through cluster DNS and the node\'s iptables rules to a backend, and see what changes when pods come and go.',
    ko: '파드 세 개 앞에 서비스를 두고, 클라이언트 파드의 요청이 클러스터 DNS와 노드의 iptables 규칙을 거쳐 백엔드에 닿는 길을 따라가 봅니다. 파드가 생기고 사라질 때 무엇이 바뀌는지도 봅니다.',
  },
  minutes: 20,
  start: 'default',
  steps: [
    {
      id: 'backends',
      title: { en: 'Three backends and a Service', ko: '백엔드 셋과 서비스 하나' },
      text: {
        en: 'Create three nginx pods and a NodePort Service selecting them. The Service gets a ClusterIP from 10.96.0.0/16 and a node port; the EndpointSlice controller lists the ready pods behind it.',
        ko: 'nginx 파드 세 개와 이를 선택하는 NodePort 서비스를 만드세요. 서비스는 10.96.0.0/16에서 ClusterIP를, 그리고 노드 포트 하나를 받습니다. EndpointSlice 컨트롤러가 그 뒤의 준비된 파드를 기록합니다.',
      },
      commands: ['kubectl create deployment hello --image=nginx --replicas=3', 'kubectl apply -f hello-svc.yaml', 'kubectl get svc,endpointslices'],
      files: [{ path: 'hello-svc.yaml', content: `${SERVICE}\n` }],
      check: all(deploymentAvailable('hello', 3), serviceEndpoints('hello', 3)),
      solution: ['kubectl create deployment hello --image=nginx --replicas=3', 'cat <<EOF | kubectl apply -f -', ...SERVICE.split('\n'), 'EOF', 'sleep 20', 'kubectl get svc,endpointslices'],
    },
    {
      id: 'dns',
      title: { en: 'A name, not an IP', ko: 'IP가 아닌 이름으로' },
      text: {
        en: 'From a busybox pod, look the Service up and fetch its page. The short name works because the pod\'s /etc/resolv.conf searches `default.svc.cluster.local` first.',
        ko: 'busybox 파드에서 서비스 이름을 조회하고 페이지를 받아 보세요. 짧은 이름이 통하는 것은 파드의 /etc/resolv.conf가 `default.svc.cluster.local`부터 찾아보기 때문입니다.',
      },
      commands: ['kubectl run client --image=busybox -- sleep 3600', 'kubectl exec -it client -- sh', 'cat /etc/resolv.conf', 'nslookup hello', 'wget -qO- hello', 'exit'],
      check: all(ran(/^nslookup hello/, { en: 'look up the Service name with nslookup', ko: 'nslookup으로 서비스 이름을 조회하세요' }), ran(/^wget .*hello/, { en: 'fetch the page with wget', ko: 'wget으로 페이지를 받아 보세요' })),
      solution: ['kubectl run client --image=busybox -- sleep 3600', 'sleep 10', 'kubectl exec -it client -- sh', 'cat /etc/resolv.conf', 'nslookup hello', 'wget -qO- hello', 'exit'],
    },
    {
      id: 'iptables',
      title: { en: 'What kube-proxy wrote', ko: 'kube-proxy가 써 둔 것' },
      text: {
        en: 'The ClusterIP belongs to no machine: kube-proxy on every node matches it in iptables (KUBE-SERVICES), jumps to the Service\'s KUBE-SVC chain, and picks a KUBE-SEP endpoint chain at random (probabilities 1/3, then 1/2, then the rest), which DNATs to a pod.',
        ko: 'ClusterIP는 어느 머신의 주소도 아닙니다. 각 노드의 kube-proxy가 iptables(KUBE-SERVICES)에서 그 주소를 잡아 서비스의 KUBE-SVC 체인으로 넘기고, 거기서 KUBE-SEP 엔드포인트 체인 하나를 무작위로 고릅니다(확률 1/3, 그다음 1/2, 그리고 나머지). 그 체인이 파드 주소로 DNAT 합니다.',
      },
      commands: ['docker exec kind-worker iptables-save -t nat | grep default/hello'],
      check: ran(/iptables(-save)?\b/, { en: 'look at the nat table on a node', ko: '노드에서 nat 테이블을 확인하세요' }),
      solution: ['docker exec kind-worker iptables-save -t nat | grep default/hello'],
    },
    {
      id: 'no-endpoints',
      title: { en: 'No ready pods, no connection', ko: '준비된 파드가 없으면 연결도 없다' },
      text: {
        en: 'Scale the Deployment to zero. The EndpointSlice empties, kube-proxy replaces the KUBE-SVC rules with a REJECT rule, and clients get "connection refused" at once.',
        ko: '디플로이먼트를 0으로 줄이세요. EndpointSlice가 비고, kube-proxy가 KUBE-SVC 규칙 대신 REJECT 규칙을 넣어서 클라이언트는 곧바로 "connection refused"를 받습니다.',
      },
      commands: ['kubectl scale deployment hello --replicas=0', 'kubectl exec client -- wget -qO- hello', "docker exec kind-worker iptables-save -t filter | grep 'has no endpoints'"],
      check: (view) => {
        const slices = view.list('endpointslices.discovery.k8s.io', 'default', 'kubernetes.io/service-name=hello');
        const ready = slices.flatMap((s) => (Array.isArray(s.endpoints) ? (s.endpoints as unknown[]) : [])).length;
        return ready === 0 && view.history.some((l) => /^kubectl scale .*hello.*--replicas=0/.test(l)) ? { done: true } : { done: false, missing: { en: 'scale hello to zero replicas', ko: 'hello를 레플리카 0개로 줄이세요' } };
      },
      solution: ['kubectl scale deployment hello --replicas=0', 'sleep 10', "docker exec kind-worker iptables-save -t filter | grep 'has no endpoints'"],
    },
  ],
};
