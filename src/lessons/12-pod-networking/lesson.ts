/**
 * Pod networking: each node's podCIDR, pod IPs taken from it, the CNI plugin (kindnet) and the
 * routes it writes instead of an overlay, pod-to-pod traffic across nodes without NAT, and the ports
 * the control plane and the workers listen on. Text in our own words.
 */
import { all, deploymentAvailable, ran } from '../checks';
import type { Check, Lesson } from '../types';

/** An IPv4 address as a 32-bit number, or undefined. */
function ipv4(ip: string): number | undefined {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + p, 0);
}

function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const a = ipv4(ip);
  const b = ipv4(base ?? '');
  const size = 2 ** (32 - Number(bits));
  return a !== undefined && b !== undefined && Math.floor(a / size) === Math.floor(b / size);
}

/** Every ready pod matching `selector` has an IP inside the podCIDR of the node it runs on. */
function podIPsFromNodeCidrs(selector: string): Check {
  return (view) => {
    const cidrs = new Map(view.list('nodes').map((n) => [String(n.metadata.name), String((n.spec as { podCIDR?: string } | undefined)?.podCIDR ?? '')]));
    const pods = view.list('pods', 'default', selector);
    const inside = pods.length > 0 && pods.every((p) => {
      const ip = (p.status as { podIP?: string } | undefined)?.podIP ?? '';
      return inCidr(ip, cidrs.get(String((p.spec as { nodeName?: string } | undefined)?.nodeName)) ?? '');
    });
    return inside ? { done: true } : { done: false, missing: { en: `wait until every pod of ${selector} has an IP`, ko: `${selector} 파드가 모두 IP를 받을 때까지 기다리세요` } };
  };
}

const BAD_NODEPORT = `apiVersion: v1
kind: Service
metadata:
  name: low-port
spec:
  type: NodePort
  selector:
    app: net
  ports:
  - port: 80
    nodePort: 8080`;

const POD_IP = "$(kubectl get pods -l app=net --field-selector spec.nodeName=kind-worker2 -o jsonpath='{.items[0].status.podIP}')";

export const lesson: Lesson = {
  id: '12-pod-networking',
  title: { en: 'Pod networking and ports', ko: '파드 네트워킹과 포트' },
  summary: {
    en: 'See how every node gets its own slice of pod addresses, how kindnet (the CNI plugin) wires pods together with plain routes, reach a pod on another node by its IP, and learn which ports each node listens on.',
    ko: '노드마다 파드 주소 대역을 나눠 받는 방식, CNI 플러그인 kindnet이 평범한 라우팅만으로 파드를 잇는 방식을 보고, 다른 노드의 파드에 IP로 직접 접속해 보고, 노드마다 어떤 포트가 열려 있는지 알아봅니다.',
  },
  minutes: 20,
  start: 'default',
  steps: [
    {
      id: 'pod-cidrs',
      title: { en: 'A slice of addresses per node', ko: '노드마다 주소 한 조각' },
      text: {
        en: 'Kubernetes requires every pod to get its own IP that every other pod can reach without NAT. kind gives the cluster the pod range `10.244.0.0/16`, and kube-controller-manager hands each node a `/24` of it as `spec.podCIDR`.',
        ko: '쿠버네티스는 모든 파드가 자기만의 IP를 갖고, 다른 모든 파드가 NAT 없이 그 IP에 닿을 수 있기를 요구합니다. kind는 클러스터에 파드 대역 `10.244.0.0/16`을 주고, kube-controller-manager가 그중 `/24`를 노드마다 `spec.podCIDR`로 나눠 줍니다.',
      },
      commands: ['kubectl get nodes -o custom-columns=NAME:.metadata.name,PODCIDR:.spec.podCIDR,NODE-IP:.status.addresses[0].address'],
      check: ran(/^k(ubectl)? get (nodes?|no)\b.*podCIDR/, { en: 'print each node\'s podCIDR', ko: '노드마다 podCIDR을 출력하세요' }),
      solution: ['kubectl get nodes -o custom-columns=NAME:.metadata.name,PODCIDR:.spec.podCIDR,NODE-IP:.status.addresses[0].address'],
    },
    {
      id: 'pod-ips',
      title: { en: 'Pods take addresses from their node', ko: '파드는 자기 노드의 주소를 받는다' },
      text: {
        en: 'Run four nginx pods and compare their IPs with the table above.',
        ko: 'nginx 파드 네 개를 띄우고 IP를 위의 표와 비교해 보세요.',
      },
      predict: {
        question: { en: 'Which IP can a pod on kind-worker2 get?', ko: 'kind-worker2의 파드는 어떤 IP를 받을 수 있을까요?' },
        choices: [
          { en: 'One from kind-worker2\'s podCIDR', ko: 'kind-worker2의 podCIDR에 속한 IP' },
          { en: 'The node\'s own IP, 172.18.0.x', ko: '노드 자신의 IP인 172.18.0.x' },
          { en: 'Any free IP in 10.244.0.0/16', ko: '10.244.0.0/16 안의 아무 빈 IP' },
        ],
        answer: 0,
      },
      commands: ['kubectl create deployment net --image=nginx --replicas=4', 'kubectl get pods -o wide'],
      check: all(deploymentAvailable('net', 4), podIPsFromNodeCidrs('app=net')),
      explain: {
        en: 'On each node kindnet, the CNI plugin, takes the pod\'s address from that node\'s podCIDR, so here an IP tells you the node. Pods with `hostNetwork: true` (kube-proxy, kindnet, the control-plane static pods) are the exception: they use the node\'s IP.',
        ko: '노드마다 CNI 플러그인인 kindnet이 그 노드의 podCIDR에서 파드 주소를 가져오므로, 여기서는 IP만 봐도 어느 노드인지 알 수 있습니다. 예외는 `hostNetwork: true`인 파드(kube-proxy, kindnet, 컨트롤 플레인 스태틱 파드)로, 이들은 노드의 IP를 씁니다.',
      },
      solution: ['kubectl create deployment net --image=nginx --replicas=4', 'sleep 15', 'kubectl get pods -o wide'],
    },
    {
      id: 'cni',
      title: { en: 'kindnet: routes, not an overlay', ko: 'kindnet: 오버레이가 아닌 라우팅' },
      text: {
        en: 'The kubelet calls a **CNI** plugin to give each new pod a network interface and an address. On kind that is **kindnet**, a DaemonSet with one pod per node. Many CNIs (Flannel with VXLAN, Calico with IP-in-IP) build an **overlay**: they wrap pod packets in node-to-node packets. kind\'s nodes all sit on one Docker network, so kindnet just writes routes. Read them on a worker.',
        ko: 'kubelet은 **CNI** 플러그인을 불러 새 파드에 네트워크 인터페이스와 주소를 줍니다. kind에서는 노드마다 파드 하나씩 도는 데몬셋 **kindnet**이 그 일을 합니다. 많은 CNI(VXLAN을 쓰는 Flannel, IP-in-IP를 쓰는 Calico)는 **오버레이**를 만들어 파드 패킷을 노드 간 패킷으로 감쌉니다. kind의 노드들은 모두 도커 네트워크 하나에 붙어 있으므로 kindnet은 라우팅 규칙만 씁니다. 워커에서 직접 읽어 보세요.',
      },
      commands: ['kubectl get daemonset kindnet -n kube-system', 'docker exec kind-worker ip route'],
      check: ran(/^(docker exec \S+ )?ip (route|r)\b/, { en: 'read the routes on a node with ip route', ko: 'ip route로 노드의 라우팅 표를 읽으세요' }),
      explain: {
        en: 'One route per other node (`10.244.2.0/24 via <kind-worker2\'s IP>`) and one per local pod (`10.244.1.x dev veth…`): a packet for a pod elsewhere goes straight to that node, which hands it to the pod\'s veth.',
        ko: '다른 노드마다 경로가 하나(`10.244.2.0/24 via <kind-worker2의 IP>`), 이 노드의 파드마다 경로가 하나(`10.244.1.x dev veth…`) 있습니다. 다른 노드의 파드로 가는 패킷은 곧장 그 노드로 가고, 그 노드가 파드의 veth로 넘겨 줍니다.',
      },
      solution: ['kubectl get daemonset kindnet -n kube-system', 'docker exec kind-worker ip route'],
    },
    {
      id: 'pod-to-pod',
      title: { en: 'Pod to pod, across nodes', ko: '노드를 넘어 파드에서 파드로' },
      text: {
        en: 'Start a busybox pod and fetch the page of an nginx pod on kind-worker2 by its pod IP, no Service in between.',
        ko: 'busybox 파드를 띄우고, 서비스 없이 kind-worker2에 있는 nginx 파드의 IP로 직접 페이지를 받아 보세요.',
      },
      commands: ['kubectl run client --image=busybox -- sleep 3600', 'kubectl get pods -o wide', `kubectl exec client -- wget -qO- ${POD_IP}`],
      check: ran(/^k(ubectl)? exec .*wget /, { en: 'fetch a pod\'s page by its IP from the client pod', ko: '클라이언트 파드에서 파드 IP로 페이지를 받아 오세요' }),
      solution: ['kubectl run client --image=busybox -- sleep 3600', 'sleep 10', 'kubectl get pods -o wide', `kubectl exec client -- wget -qO- ${POD_IP}`],
    },
    {
      id: 'ports',
      title: { en: 'Which ports nodes listen on', ko: '노드가 여는 포트' },
      text: {
        en: 'Control-plane node:\n\n| port | what | used by |\n| --- | --- | --- |\n| 6443 | kube-apiserver | everyone |\n| 2379-2380 | etcd client and peer API | kube-apiserver, etcd |\n| 10250 | kubelet API | the control plane |\n| 10259 | kube-scheduler | itself (health, metrics) |\n| 10257 | kube-controller-manager | itself (health, metrics) |\n\nWorker nodes: 10250 (kubelet API), 10256 (kube-proxy health) and 30000-32767 (NodePort Services, for everyone).\n\nFind some of them: Docker publishes the API server\'s 6443 on the host, etcd\'s manifest names 2379, every Node reports its kubelet port, and the API server refuses a NodePort outside its range.',
        ko: '컨트롤 플레인 노드:\n\n| 포트 | 무엇 | 누가 쓰나 |\n| --- | --- | --- |\n| 6443 | kube-apiserver | 모두 |\n| 2379-2380 | etcd 클라이언트/피어 API | kube-apiserver, etcd |\n| 10250 | kubelet API | 컨트롤 플레인 |\n| 10259 | kube-scheduler | 자기 자신(헬스, 메트릭) |\n| 10257 | kube-controller-manager | 자기 자신(헬스, 메트릭) |\n\n워커 노드: 10250(kubelet API), 10256(kube-proxy 헬스), 30000-32767(NodePort 서비스, 모두).\n\n몇 개를 직접 찾아보세요. 도커가 API 서버의 6443을 호스트에 열어 두었고, etcd 매니페스트에 2379가 적혀 있고, 노드마다 kubelet 포트를 보고하며, API 서버는 범위를 벗어난 NodePort를 거부합니다.',
      },
      files: [{ path: 'low-port.yaml', content: `${BAD_NODEPORT}\n` }],
      commands: ['docker ps', 'docker exec kind-control-plane grep 2379 /etc/kubernetes/manifests/etcd.yaml', "kubectl get node kind-worker -o jsonpath='{.status.daemonEndpoints.kubeletEndpoint.Port}'", 'kubectl apply -f low-port.yaml'],
      check: all(
        ran(/^docker ps\b/, { en: 'find the published 6443 with docker ps', ko: 'docker ps로 열린 6443을 찾으세요' }),
        ran(/daemonEndpoints/, { en: 'read a node\'s kubelet port from its status', ko: '노드 상태에서 kubelet 포트를 읽으세요' }),
        ran(/^k(ubectl)? (apply|create) -f low-port\.yaml/, { en: 'try the NodePort 8080', ko: 'NodePort 8080을 시도해 보세요' }),
      ),
      solution: ['docker ps', 'docker exec kind-control-plane grep 2379 /etc/kubernetes/manifests/etcd.yaml', "kubectl get node kind-worker -o jsonpath='{.status.daemonEndpoints.kubeletEndpoint.Port}'", 'echo', 'cat <<EOF > low-port.yaml', ...BAD_NODEPORT.split('\n'), 'EOF', 'kubectl apply -f low-port.yaml'],
    },
  ],
};
