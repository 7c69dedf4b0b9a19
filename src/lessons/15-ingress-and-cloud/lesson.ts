/**
 * Ingress and the cloud-controller-manager, taught through what kind shows: no cloud-controller-manager,
 * so a LoadBalancer Service keeps EXTERNAL-IP <pending> (its NodePort still works); and no ingress
 * controller, so an Ingress is stored but nobody serves it (ADDRESS stays empty) until the learner
 * installs ingress-nginx from kind's manifest. What a cloud such as EKS adds is told in the text, never
 * simulated.
 */
import { absent, all, deploymentAvailable, exists, holds, ran } from '../checks';
import type { Check, Lesson } from '../types';

const INGRESS = 'kubectl create ingress web --class=nginx --rule="web.example.com/*=web:80"';
const INGRESS_NGINX = 'kubectl apply -f https://kind.sigs.k8s.io/examples/ingress/deploy-ingress-nginx.yaml';
const WAIT_CONTROLLER = 'kubectl wait -n ingress-nginx --for=condition=ready pod --selector=app.kubernetes.io/component=controller --timeout=90s';
const CONTROLLER_NODE_IP = "$(kubectl get pods -n ingress-nginx -l app.kubernetes.io/component=controller -o jsonpath='{.items[0].status.hostIP}')";

/** The Ingress web has an address in its status. */
const ingressHasAddress: Check = holds(
  (view) => {
    const status = view.get('ingresses.networking.k8s.io', 'default', 'web')?.status as { loadBalancer?: { ingress?: unknown[] } } | undefined;
    return (status?.loadBalancer?.ingress?.length ?? 0) > 0;
  },
  { en: 'wait until the Ingress web shows an ADDRESS', ko: '인그레스 web에 ADDRESS가 나타날 때까지 기다리세요' },
);

/** The Service `web` exists with the given type. */
function serviceType(type: string): Check {
  return (view) => {
    const spec = view.get('services', 'default', 'web')?.spec as { type?: string } | undefined;
    return spec?.type === type ? { done: true } : { done: false, missing: { en: `expose the Deployment web as a Service of type ${type} (now ${spec?.type ?? 'none'})`, ko: `디플로이먼트 web을 ${type} 타입 서비스로 노출하세요 (현재 ${spec?.type ?? '없음'})` } };
  };
}

export const lesson: Lesson = {
  id: '15-ingress-and-cloud',
  title: { en: 'Ingress and the cloud-controller-manager', ko: '인그레스와 cloud-controller-manager' },
  summary: {
    en: 'Find out what a cluster on a cloud has that kind does not: see a LoadBalancer Service wait for a load balancer nobody makes, and an Ingress wait for a controller until you install ingress-nginx, and learn who would answer on a cloud such as EKS.',
    ko: '클라우드 위의 클러스터에는 있고 kind에는 없는 것을 알아봅니다. 아무도 만들어 주지 않는 로드 밸런서를 기다리는 LoadBalancer 서비스와, ingress-nginx를 설치하기 전까지 컨트롤러를 기다리는 인그레스를 보고, EKS 같은 클라우드에서는 누가 응답하는지 배웁니다.',
  },
  minutes: 20,
  start: 'default',
  steps: [
    {
      id: 'no-cloud',
      title: { en: 'A cluster with no cloud behind it', ko: '뒤에 클라우드가 없는 클러스터' },
      text: {
        en: 'The **cloud-controller-manager** is the control-plane component that links Kubernetes to a cloud provider\'s API. It runs the controllers that need the cloud: the **node** controller (fills in a node\'s addresses and zone from the cloud, and deletes the Node object when its machine is gone), the **route** controller (sets up routes in the cloud network for pod traffic) and the **service** controller (creates, updates and deletes the cloud\'s load balancers for `type: LoadBalancer` Services). On-premises and on kind there is no cloud, so there is no cloud-controller-manager.\n\nList the control-plane pods, then the ID each node carries for its provider.',
        ko: '**cloud-controller-manager**는 쿠버네티스를 클라우드 제공자의 API와 이어 주는 컨트롤 플레인 컴포넌트입니다. 클라우드가 필요한 컨트롤러들을 실행합니다. **노드** 컨트롤러(클라우드에서 노드의 주소와 영역 정보를 채우고, 머신이 사라지면 Node 오브젝트를 지움), **라우트** 컨트롤러(파드 트래픽을 위한 경로를 클라우드 네트워크에 설정), **서비스** 컨트롤러(`type: LoadBalancer` 서비스를 위해 클라우드의 로드 밸런서를 만들고, 고치고, 지움)입니다. 온프레미스와 kind에는 클라우드가 없으니 cloud-controller-manager도 없습니다.\n\n컨트롤 플레인 파드를 조회한 다음, 각 노드가 제공자에게서 받은 ID를 확인해 보세요.',
      },
      commands: ['kubectl get pods -n kube-system', 'kubectl get nodes -o custom-columns=NAME:.metadata.name,PROVIDER-ID:.spec.providerID'],
      check: all(
        ran(/^k(ubectl)? get (pods?|po)\b.*(-n|--namespace)[= ]?kube-system|^k(ubectl)? get (pods?|po)\b.*(-A|--all-namespaces)\b/, { en: 'list the pods in kube-system', ko: 'kube-system의 파드를 조회하세요' }),
        ran(/^k(ubectl)? get (nodes?|no)\b.*providerID/, { en: "print each node's spec.providerID", ko: '각 노드의 spec.providerID를 출력하세요' }),
      ),
      explain: {
        en: 'kube-apiserver, kube-controller-manager, kube-scheduler and etcd, but no cloud-controller-manager. kind gives each kubelet a provider ID of its own kind, `kind://docker/kind/<node>`. On EKS a node\'s ID names its EC2 instance, like `aws:///us-east-1a/i-0123456789abcdef0`, and AWS runs the control plane for you: you will not find its pods in `kube-system` at all.',
        ko: 'kube-apiserver, kube-controller-manager, kube-scheduler, etcd는 있지만 cloud-controller-manager는 없습니다. kind는 각 kubelet에 `kind://docker/kind/<노드>` 형태의 자체 제공자 ID를 줍니다. EKS에서는 노드 ID가 `aws:///us-east-1a/i-0123456789abcdef0`처럼 EC2 인스턴스를 가리키고, 컨트롤 플레인은 AWS가 대신 운영하므로 `kube-system`에서 그 파드를 아예 볼 수 없습니다.',
      },
      solution: ['kubectl get pods -n kube-system', 'kubectl get nodes -o custom-columns=NAME:.metadata.name,PROVIDER-ID:.spec.providerID'],
    },
    {
      id: 'loadbalancer',
      title: { en: 'A LoadBalancer Service on kind', ko: 'kind에서의 LoadBalancer 서비스' },
      text: {
        en: 'Run two nginx pods and expose them with `--type=LoadBalancer`, then look at the Service for a while.',
        ko: 'nginx 파드 두 개를 띄우고 `--type=LoadBalancer`로 노출한 다음, 서비스를 잠시 지켜보세요.',
      },
      predict: {
        question: { en: 'What does EXTERNAL-IP show after 30 seconds?', ko: '30초 뒤 EXTERNAL-IP에는 무엇이 보일까요?' },
        choices: [
          { en: 'A node\'s IP address', ko: '노드 하나의 IP 주소' },
          { en: '<pending>, and it stays that way', ko: '<pending>, 그리고 계속 그대로' },
          { en: '<none>', ko: '<none>' },
        ],
        answer: 1,
      },
      commands: ['kubectl create deployment web --image=nginx --replicas=2', 'kubectl expose deployment web --port=80 --type=LoadBalancer', 'kubectl get service web', "kubectl get service web -o jsonpath='{.status}'", 'docker exec kind-worker iptables -t nat -S KUBE-NODEPORTS'],
      check: all(
        deploymentAvailable('web', 2),
        serviceType('LoadBalancer'),
        ran(/^k(ubectl)? get (services?|svc)\b.*\bweb\b|^k(ubectl)? get (services?|svc)\s*$/, { en: 'look at the Service web', ko: '서비스 web을 확인하세요' }),
        ran(/iptables(-save)?\b.*(KUBE-NODEPORTS|nat)/, { en: "look at a node's KUBE-NODEPORTS rules", ko: '노드의 KUBE-NODEPORTS 규칙을 확인하세요' }),
      ),
      hints: [
        {
          when: serviceType('NodePort'),
          mistake: ['kubectl create deployment web --image=nginx --replicas=2', 'kubectl expose deployment web --port=80 --type=NodePort'],
          text: {
            en: 'This Service is a NodePort; the step is about `LoadBalancer`. Delete it (`kubectl delete service web`) and expose the Deployment again with `--type=LoadBalancer`.',
            ko: '이 서비스는 NodePort입니다. 이 단계는 `LoadBalancer`를 다룹니다. 서비스를 지우고(`kubectl delete service web`) `--type=LoadBalancer`로 다시 노출하세요.',
          },
        },
      ],
      explain: {
        en: 'A LoadBalancer Service is a NodePort Service (see `80:3xxxx/TCP` and the rule kube-proxy wrote for that port on every node) plus a request for an external load balancer in front of the node ports. On a cloud, the service controller of the cloud-controller-manager makes that load balancer and writes its address into `status.loadBalancer.ingress` (on EKS, a hostname ending in `elb.amazonaws.com`). Here nobody answers the request, so `status.loadBalancer` stays empty and EXTERNAL-IP `<pending>` for good, while the ClusterIP and the NodePort work as usual. On-premises, tools such as MetalLB (or cloud-provider-kind, for kind) play that role.',
        ko: 'LoadBalancer 서비스는 NodePort 서비스(`80:3xxxx/TCP`와, kube-proxy가 모든 노드에 그 포트로 써 둔 규칙을 보세요)에 "노드 포트 앞에 외부 로드 밸런서를 달아 달라"는 요청이 더해진 것입니다. 클라우드에서는 cloud-controller-manager의 서비스 컨트롤러가 로드 밸런서를 만들고 그 주소를 `status.loadBalancer.ingress`에 씁니다(EKS에서는 `elb.amazonaws.com`으로 끝나는 호스트 이름). 여기서는 그 요청에 아무도 응답하지 않으니 `status.loadBalancer`는 비어 있고 EXTERNAL-IP는 계속 `<pending>`입니다. 그래도 ClusterIP와 NodePort는 평소대로 동작합니다. 온프레미스에서는 MetalLB 같은 도구(kind라면 cloud-provider-kind)가 이 역할을 맡습니다.',
      },
      solution: ['kubectl create deployment web --image=nginx --replicas=2', 'kubectl expose deployment web --port=80 --type=LoadBalancer', 'sleep 30', 'kubectl get service web', "kubectl get service web -o jsonpath='{.status}'", 'echo', 'docker exec kind-worker iptables -t nat -S KUBE-NODEPORTS'],
    },
    {
      id: 'ingress',
      title: { en: 'An Ingress with no controller', ko: '컨트롤러 없는 인그레스' },
      text: {
        en: 'A Service works at the level of TCP and UDP ports. An **Ingress** describes HTTP routing instead: requests for this host and path go to that Service. Many Services can share one entry point this way. Create an Ingress that sends `web.example.com` to the Service `web`, for the ingress class `nginx`.',
        ko: '서비스는 TCP, UDP 포트 수준에서 동작합니다. **인그레스**는 대신 HTTP 라우팅을 기술합니다. 이 호스트와 경로로 온 요청은 저 서비스로 보내라는 식입니다. 이렇게 하면 여러 서비스가 진입점 하나를 나눠 쓸 수 있습니다. `web.example.com`을 서비스 `web`으로 보내는 인그레스를 인그레스 클래스 `nginx`로 만드세요.',
      },
      predict: {
        question: { en: 'Which component reads this Ingress and starts routing traffic?', ko: '이 인그레스를 읽고 트래픽을 라우팅하기 시작하는 컴포넌트는 무엇일까요?' },
        choices: [
          { en: 'kube-proxy', ko: 'kube-proxy' },
          { en: 'A controller in kube-controller-manager', ko: 'kube-controller-manager 안의 컨트롤러' },
          { en: 'None here: an ingress controller must be installed first', ko: '여기서는 없음: 인그레스 컨트롤러를 먼저 설치해야 함' },
        ],
        answer: 2,
      },
      commands: [INGRESS, 'kubectl get ingress', 'kubectl describe ingress web', 'kubectl get ingressclass'],
      check: all(
        exists('ingresses.networking.k8s.io', 'default', 'web', { en: 'create the Ingress web', ko: '인그레스 web을 만드세요' }),
        ran(/^k(ubectl)? get (ingressclass(es)?|ingressclasses\.networking\.k8s\.io)\b/, { en: 'list the IngressClasses', ko: 'IngressClass 목록을 조회하세요' }),
      ),
      hints: [
        {
          when: holds((view) => {
            const rules = (view.get('ingresses.networking.k8s.io', 'default', 'web')?.spec as { rules?: { http?: { paths?: { backend?: { service?: { name?: string } } }[] } }[] } | undefined)?.rules ?? [];
            return rules.flatMap((r) => r.http?.paths ?? []).some((p) => p.backend?.service?.name !== 'web');
          }),
          mistake: ['kubectl create ingress web --class=nginx --rule="web.example.com/*=nginx:80"'],
          text: {
            en: 'The Ingress sends traffic to a Service that does not exist (`kubectl describe ingress web` shows the error). The backend is the Service `web`: delete the Ingress and create it again with `--rule="web.example.com/*=web:80"`.',
            ko: '인그레스가 존재하지 않는 서비스로 트래픽을 보냅니다(`kubectl describe ingress web`에 오류가 보입니다). 백엔드는 서비스 `web`입니다. 인그레스를 지우고 `--rule="web.example.com/*=web:80"`으로 다시 만드세요.',
          },
        },
      ],
      explain: {
        en: 'The API server stored the Ingress, and `describe` even resolves its backend to the pods\' endpoints, but ADDRESS stays empty and there is no IngressClass: an Ingress is only a set of rules. An **ingress controller** (ingress-nginx, Traefik, or on EKS the AWS Load Balancer Controller, which builds an Application Load Balancer) watches the Ingresses of its class, configures its proxy, and writes its address into the Ingress status. Neither kube-proxy nor kube-controller-manager contains one: it is an add-on that you install, which is the next step.',
        ko: 'API 서버는 인그레스를 저장했고 `describe`는 백엔드를 파드의 엔드포인트까지 풀어서 보여 주지만, ADDRESS는 비어 있고 IngressClass도 없습니다. 인그레스는 규칙의 모음일 뿐이기 때문입니다. **인그레스 컨트롤러**(ingress-nginx, Traefik, 또는 EKS라면 Application Load Balancer를 만드는 AWS Load Balancer Controller)가 자기 클래스의 인그레스를 지켜보다가 프록시를 설정하고, 자신의 주소를 인그레스 상태에 씁니다. kube-proxy에도 kube-controller-manager에도 이런 컨트롤러는 들어 있지 않습니다. 따로 설치하는 애드온이며, 다음 단계에서 설치해 봅니다.',
      },
      solution: [INGRESS, 'sleep 10', 'kubectl get ingress', 'kubectl describe ingress web', 'kubectl get ingressclass'],
    },
    {
      id: 'install-controller',
      title: { en: 'Install an ingress controller', ko: '인그레스 컨트롤러 설치하기' },
      text: {
        en: "kind's Ingress guide installs **ingress-nginx** from a manifest made for kind. Apply it and wait for the controller pod to be ready. Then watch the Ingress web for a minute, and send it a request: the controller's pod takes ports 80 and 443 of its node (`hostPort`), so curl that node's IP with the Host header of the rule.",
        ko: 'kind의 인그레스 안내서는 kind용으로 만든 매니페스트로 **ingress-nginx**를 설치합니다. 매니페스트를 적용하고 컨트롤러 파드가 준비될 때까지 기다리세요. 그다음 인그레스 web을 1분쯤 지켜본 뒤 요청을 보내 보세요. 컨트롤러 파드는 자기 노드의 80, 443 포트를 차지하므로(`hostPort`), 그 노드의 IP로 규칙의 Host 헤더를 붙여 curl을 보내면 됩니다.',
      },
      commands: [INGRESS_NGINX, WAIT_CONTROLLER, 'kubectl get ingressclass', 'kubectl get ingress web -w', `curl -H 'Host: web.example.com' ${CONTROLLER_NODE_IP}`, `curl ${CONTROLLER_NODE_IP}`],
      check: all(
        deploymentAvailable('ingress-nginx-controller', 1, 'ingress-nginx'),
        ingressHasAddress,
        ran(/^curl\b.*Host: ?web\.example\.com/i, { en: 'curl the controller with the Host header web.example.com', ko: 'Host 헤더 web.example.com을 붙여 컨트롤러에 curl을 보내세요' }),
      ),
      explain: {
        en: "The manifest brings the controller's Deployment, its RBAC, two Jobs that make the admission webhook's certificate, and the IngressClass `nginx` that names the controller `k8s.io/ingress-nginx`. The controller now serves the Ingress web: within a minute it writes the address it was told to publish (`--publish-status-address=localhost`) into the Ingress status, and a request for `web.example.com` reaches an nginx pod of the Service web, while a request with any other host gets the controller's own 404 page. nginx sends the request straight to the pods' endpoints, not through the ClusterIP. On a kind cluster created with `extraPortMappings` for ports 80 and 443, as the guide does, the same request works as `curl localhost` from the lab machine.",
        ko: '매니페스트에는 컨트롤러 디플로이먼트와 그 RBAC, 어드미션 웹훅의 인증서를 만드는 잡 두 개, 그리고 컨트롤러 `k8s.io/ingress-nginx`를 가리키는 IngressClass `nginx`가 들어 있습니다. 이제 컨트롤러가 인그레스 web을 맡습니다. 1분 안에 공개하라고 지정받은 주소(`--publish-status-address=localhost`)를 인그레스 상태에 쓰고, `web.example.com`으로 온 요청은 서비스 web의 nginx 파드에 닿습니다. 다른 호스트로 온 요청은 컨트롤러 자신의 404 페이지를 받습니다. nginx는 ClusterIP를 거치지 않고 파드의 엔드포인트로 바로 요청을 보냅니다. 안내서처럼 80, 443 포트에 `extraPortMappings`를 주고 만든 kind 클러스터라면, 실습 머신에서 `curl localhost`로도 같은 요청이 됩니다.',
      },
      solution: [INGRESS_NGINX, WAIT_CONTROLLER, 'kubectl get ingressclass', 'sleep 60', 'kubectl get ingress web', `curl -H 'Host: web.example.com' ${CONTROLLER_NODE_IP}`, `curl ${CONTROLLER_NODE_IP}`],
    },
    {
      id: 'clean-up',
      title: { en: 'Clean up', ko: '정리하기' },
      text: {
        en: 'Delete the Ingress, the Service and the Deployment (and, if you like, the controller with `kubectl delete namespace ingress-nginx`). On a cloud, deleting a LoadBalancer Service also makes the cloud-controller-manager delete the load balancer it made (and stop the bill).',
        ko: '인그레스, 서비스, 디플로이먼트를 지우세요(원한다면 `kubectl delete namespace ingress-nginx`로 컨트롤러도 지우세요). 클라우드에서는 LoadBalancer 서비스를 지우면 cloud-controller-manager가 자신이 만든 로드 밸런서도 지웁니다(요금도 멈춥니다).',
      },
      commands: ['kubectl delete ingress web', 'kubectl delete service web', 'kubectl delete deployment web'],
      check: all(
        absent('ingresses.networking.k8s.io', 'default', 'web', { en: 'delete the Ingress web', ko: '인그레스 web을 지우세요' }),
        absent('services', 'default', 'web', { en: 'delete the Service web', ko: '서비스 web을 지우세요' }),
        absent('deployments.apps', 'default', 'web', { en: 'delete the Deployment web', ko: '디플로이먼트 web을 지우세요' }),
      ),
      solution: ['kubectl delete ingress web', 'kubectl delete service web', 'kubectl delete deployment web'],
    },
  ],
};
