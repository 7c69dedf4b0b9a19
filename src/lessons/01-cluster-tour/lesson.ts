/**
 * A first walk around a kind cluster: the nodes, the control plane's pods and where they come from,
 * the node agents, and the add-ons every cluster runs. Text in our own words.
 */
import { all, ran } from '../checks';
import type { Lesson } from '../types';

export const lesson: Lesson = {
  id: '01-cluster-tour',
  title: { en: 'A tour of the cluster', ko: '클러스터 둘러보기' },
  summary: {
    en: 'Meet the parts of a Kubernetes cluster on a three-node kind cluster: the control plane (kube-apiserver, etcd, kube-scheduler, kube-controller-manager) and, on every node, the kubelet, kube-proxy and the container runtime.',
    ko: '노드 세 개짜리 kind 클러스터에서 쿠버네티스를 이루는 요소들을 만나 봅니다. 컨트롤 플레인(kube-apiserver, etcd, kube-scheduler, kube-controller-manager)과, 모든 노드에 있는 kubelet, kube-proxy, 컨테이너 런타임입니다.',
  },
  minutes: 10,
  start: 'default',
  steps: [
    {
      id: 'nodes',
      title: { en: 'The nodes', ko: '노드' },
      text: {
        en: 'A cluster is a set of machines. List them: one carries the control plane (its role says so), the others run your workloads.',
        ko: '클러스터는 여러 대의 머신으로 이루어집니다. 목록을 보면 하나는 컨트롤 플레인을 맡고(ROLES 열에 표시됩니다), 나머지는 여러분의 워크로드를 실행합니다.',
      },
      commands: ['kubectl get nodes -o wide'],
      check: ran(/^kubectl get (nodes|node|no)\b/, { en: 'list the nodes', ko: '노드 목록을 조회하세요' }),
      solution: ['kubectl get nodes -o wide'],
    },
    {
      id: 'control-plane',
      title: { en: 'The control plane runs as pods', ko: '파드로 도는 컨트롤 플레인' },
      text: {
        en: 'List the pods in `kube-system`. On kind (as with kubeadm), etcd, kube-apiserver, kube-controller-manager and kube-scheduler are pods on the control-plane node, named after it.',
        ko: '`kube-system` 네임스페이스의 파드를 조회해 보세요. kind에서는(kubeadm과 마찬가지로) etcd, kube-apiserver, kube-controller-manager, kube-scheduler가 컨트롤 플레인 노드에서 파드로 돌며, 이름 끝에 노드 이름이 붙습니다.',
      },
      commands: ['kubectl get pods -n kube-system -o wide'],
      check: ran(/^kubectl get (pods|pod|po) .*(-n kube-system|--namespace[= ]kube-system|-A|--all-namespaces)/, { en: 'list the pods of kube-system', ko: 'kube-system의 파드를 조회하세요' }),
      solution: ['kubectl get pods -n kube-system -o wide'],
    },
    {
      id: 'static-pods',
      title: { en: 'Where the control plane comes from', ko: '컨트롤 플레인은 어디서 오는가' },
      text: {
        en: 'Those four pods are static pods: the kubelet on the control-plane node starts them from files in `/etc/kubernetes/manifests`, even before the API server exists. Open a shell in the node container and look.',
        ko: '이 네 파드는 스태틱 파드입니다. 컨트롤 플레인 노드의 kubelet이 API 서버가 뜨기도 전에 `/etc/kubernetes/manifests`의 파일을 읽어 직접 띄웁니다. 노드 컨테이너에 셸로 들어가 확인해 보세요.',
      },
      commands: ['docker exec -it kind-control-plane bash', 'ls /etc/kubernetes/manifests', 'exit'],
      check: ran(/^ls .*\/etc\/kubernetes\/manifests/, { en: 'list /etc/kubernetes/manifests inside the node', ko: '노드 안에서 /etc/kubernetes/manifests를 조회하세요' }),
      solution: ['docker exec -it kind-control-plane bash', 'ls /etc/kubernetes/manifests', 'exit'],
    },
    {
      id: 'node-agents',
      title: { en: 'On every node: kubelet and the runtime', ko: '모든 노드에: kubelet과 런타임' },
      text: {
        en: 'Each node runs a kubelet, which asks the container runtime (containerd) to run the containers of the pods bound to it. `crictl` talks to containerd directly; try it on a worker.',
        ko: '노드마다 kubelet이 있고, kubelet은 그 노드에 배정된 파드의 컨테이너를 실행해 달라고 컨테이너 런타임(containerd)에 요청합니다. `crictl`은 containerd와 직접 이야기합니다. 워커 노드에서 실행해 보세요.',
      },
      commands: ['docker exec kind-worker crictl ps'],
      check: ran(/crictl (ps|pods)/, { en: 'list containers with crictl on a node', ko: '노드에서 crictl로 컨테이너를 조회하세요' }),
      solution: ['docker exec kind-worker crictl ps'],
    },
    {
      id: 'add-ons',
      title: { en: 'Networking add-ons', ko: '네트워크 애드온' },
      text: {
        en: 'kube-proxy (Service routing) and kindnet (the pod network) run as DaemonSets, one pod per node; CoreDNS runs as a Deployment behind the `kube-dns` Service at 10.96.0.10.',
        ko: 'kube-proxy(서비스 라우팅)와 kindnet(파드 네트워크)은 데몬셋으로 노드마다 파드 하나씩 돕니다. CoreDNS는 디플로이먼트로 돌고, 10.96.0.10의 `kube-dns` 서비스 뒤에 있습니다.',
      },
      commands: ['kubectl get daemonsets -n kube-system', 'kubectl get deployments,services -n kube-system'],
      check: all(
        ran(/^kubectl get (daemonsets|daemonset|ds)\b/, { en: 'list the DaemonSets', ko: '데몬셋을 조회하세요' }),
        ran(/^kubectl get .*(services|service|svc)/, { en: 'list the kube-system Services', ko: 'kube-system의 서비스를 조회하세요' }),
      ),
      solution: ['kubectl get daemonsets -n kube-system', 'kubectl get deployments,services -n kube-system'],
    },
  ],
};
