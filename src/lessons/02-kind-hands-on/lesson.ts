/**
 * The kind hands-on of the study notes, step by step: a one-node cluster with its own kubeconfig, a
 * Pod, a Deployment that heals itself, a Service and its endpoints, traffic from a test pod, a look
 * inside the node at the kubelet, and clean-up. Text in our own words.
 */
import { all, deploymentAvailable, fileExists, fileGone, kindClusterExists, nodesReady, noKindClusters, podRunning, podsReady, ran, replicaSetReplaced, serviceEndpoints } from '../checks';
import type { Lesson } from '../types';

const POD_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: nginx-pod
spec:
  containers:
  - name: nginx
    image: nginx:alpine
`;

const DEPLOYMENT_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
spec:
  replicas: 3
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
        image: nginx:alpine
        ports:
        - containerPort: 80
`;

const SERVICE_YAML = `apiVersion: v1
kind: Service
metadata:
  name: nginx-service
spec:
  selector:
    app: nginx
  ports:
  - protocol: TCP
    port: 80
    targetPort: 80
`;

const heredoc = (file: string, body: string) => [`cat <<EOF > ${file}`, ...body.trimEnd().split('\n'), 'EOF'];

export const lesson: Lesson = {
  id: '02-kind-hands-on',
  title: { en: 'Hands-on with a kind cluster', ko: 'kind 클러스터 실습' },
  summary: {
    en: 'Build a one-node cluster with kind, run nginx as a Pod and as a Deployment, watch it heal, put a Service in front, reach it from another pod, peek at the kubelet, and clean up.',
    ko: 'kind로 노드 하나짜리 클러스터를 만들고 nginx를 파드와 디플로이먼트로 띄워 봅니다. 스스로 복구되는 모습을 보고, 서비스를 붙여 다른 파드에서 접속해 본 뒤, 노드 안의 kubelet을 들여다보고 정리합니다.',
  },
  minutes: 30,
  start: 'empty',
  steps: [
    {
      id: 'create-cluster',
      title: { en: 'Create a cluster with its own kubeconfig', ko: '전용 kubeconfig로 클러스터 만들기' },
      text: {
        en: 'kind runs each Kubernetes node as a Docker container. Point `KUBECONFIG` at a fresh file first, so the new cluster\'s credentials land there instead of in your main config, then create a cluster named `single-cluster`.',
        ko: 'kind는 쿠버네티스 노드 하나하나를 도커 컨테이너로 실행합니다. 먼저 `KUBECONFIG`가 새 파일을 가리키게 해서 새 클러스터의 접속 정보가 기본 설정 파일이 아니라 그 파일에 기록되도록 한 다음, `single-cluster`라는 이름으로 클러스터를 만드세요.',
      },
      commands: ['touch ~/.kube/single-config', 'export KUBECONFIG=~/.kube/single-config', 'kind create cluster --name single-cluster'],
      check: all(kindClusterExists('single-cluster'), nodesReady(1)),
      explain: {
        en: 'kind started one container, `single-cluster-control-plane`, ran kubeadm inside it, and wrote a context named `kind-single-cluster` into the file `KUBECONFIG` points to.',
        ko: 'kind가 `single-cluster-control-plane` 컨테이너 하나를 띄우고 그 안에서 kubeadm을 실행했습니다. 그리고 `KUBECONFIG`가 가리키는 파일에 `kind-single-cluster` 컨텍스트를 기록했습니다.',
      },
      solution: ['touch ~/.kube/single-config', 'export KUBECONFIG=~/.kube/single-config', 'kind create cluster --name single-cluster'],
    },
    {
      id: 'workspace',
      title: { en: 'A workspace that remembers the cluster', ko: '클러스터를 기억하는 작업 폴더' },
      text: {
        en: 'With direnv, a folder can set `KUBECONFIG` whenever you enter it. Write the export into `.envrc`, allow it once, and move into the folder.',
        ko: 'direnv를 쓰면 폴더에 들어갈 때마다 `KUBECONFIG`가 자동으로 설정됩니다. export 문을 `.envrc`에 적고, 한 번 허용한 뒤 그 폴더로 이동하세요.',
      },
      commands: ['mkdir -p ~/workspace/kind-single-test', 'echo "export KUBECONFIG=~/.kube/single-config" >> ~/workspace/kind-single-test/.envrc', 'direnv allow ~/workspace/kind-single-test', 'cd ~/workspace/kind-single-test'],
      check: all(fileExists('~/workspace/kind-single-test/.envrc'), ran(/^direnv allow/, { en: 'allow the .envrc with direnv', ko: 'direnv로 .envrc를 허용하세요' })),
      solution: ['mkdir -p ~/workspace/kind-single-test', 'echo "export KUBECONFIG=~/.kube/single-config" >> ~/workspace/kind-single-test/.envrc', 'direnv allow ~/workspace/kind-single-test', 'cd ~/workspace/kind-single-test'],
    },
    {
      id: 'inspect',
      title: { en: 'Look at what you built', ko: '만든 클러스터 살펴보기' },
      text: {
        en: 'Ask where the control plane answers, list the nodes, and read the node\'s description: its labels, capacity, and the system pods already running on it.',
        ko: '컨트롤 플레인 주소를 확인하고, 노드 목록을 본 뒤, 노드 상세 정보를 읽어 보세요. 레이블, 자원 용량, 그리고 이미 돌고 있는 시스템 파드들이 보입니다.',
      },
      commands: ['kubectl cluster-info', 'kubectl get nodes', 'kubectl describe node single-cluster-control-plane'],
      check: all(
        ran(/^kubectl cluster-info/, { en: 'run kubectl cluster-info', ko: 'kubectl cluster-info를 실행하세요' }),
        ran(/^kubectl describe nodes? /, { en: 'describe the node', ko: '노드를 describe 해 보세요' }),
      ),
      solution: ['kubectl cluster-info', 'kubectl get nodes', 'kubectl describe node single-cluster-control-plane'],
    },
    {
      id: 'pod',
      title: { en: 'Your first Pod', ko: '첫 번째 파드' },
      text: {
        en: 'Write a Pod manifest for nginx and apply it. The scheduler binds it to the only node, and that node\'s kubelet pulls the image and starts the container.',
        ko: 'nginx 파드 매니페스트를 작성해 적용하세요. 스케줄러가 하나뿐인 노드에 파드를 배정하고, 그 노드의 kubelet이 이미지를 받아 컨테이너를 시작합니다.',
      },
      files: [{ path: 'nginx-pod.yaml', content: POD_YAML }],
      commands: ['kubectl apply -f nginx-pod.yaml', 'kubectl get pods -o wide'],
      check: podRunning('nginx-pod'),
      solution: [...heredoc('nginx-pod.yaml', POD_YAML), 'kubectl apply -f nginx-pod.yaml', 'sleep 10', 'kubectl get pods -o wide'],
    },
    {
      id: 'deployment',
      title: { en: 'A Deployment keeps three copies', ko: '세 개를 유지하는 디플로이먼트' },
      text: {
        en: 'A Deployment describes the desired state: three nginx pods labelled `app=nginx`. Apply it and list the pods by that label.',
        ko: '디플로이먼트는 원하는 상태를 적어 둔 것입니다. 여기서는 `app=nginx` 레이블이 붙은 nginx 파드 세 개입니다. 적용한 뒤 그 레이블로 파드를 조회해 보세요.',
      },
      files: [{ path: 'nginx-deployment.yaml', content: DEPLOYMENT_YAML }],
      commands: ['kubectl apply -f nginx-deployment.yaml', 'kubectl get deployments', 'kubectl get pods -l app=nginx'],
      check: deploymentAvailable('nginx-deployment', 3),
      solution: [...heredoc('nginx-deployment.yaml', DEPLOYMENT_YAML), 'kubectl apply -f nginx-deployment.yaml', 'sleep 15', 'kubectl get deployments', 'kubectl get pods -l app=nginx'],
    },
    {
      id: 'self-healing',
      title: { en: 'Delete a pod and watch it come back', ko: '파드를 지우고 되살아나는 모습 보기' },
      text: {
        en: 'Delete one of the three pods by name. The ReplicaSet controller notices that only two remain and creates a replacement with a new name.',
        ko: '세 파드 중 하나를 이름으로 지워 보세요. 레플리카셋 컨트롤러가 두 개만 남은 것을 알아채고 새 이름의 파드를 하나 만들어 채웁니다.',
      },
      predict: {
        question: { en: 'A few seconds after you delete one pod, how many `app=nginx` pods are Running?', ko: '파드 하나를 지우고 몇 초 뒤, Running 상태인 `app=nginx` 파드는 몇 개일까요?' },
        choices: [{ en: 'Two', ko: '두 개' }, { en: 'Three, one of them new', ko: '세 개, 그중 하나는 새 파드' }, { en: 'None until you apply again', ko: '다시 apply 하기 전까지 없음' }],
        answer: 1,
      },
      commands: ['kubectl get pods -l app=nginx', 'kubectl delete pod <pod-name>', 'kubectl get pods -l app=nginx'],
      check: all(replicaSetReplaced('nginx-deployment-'), podsReady('app=nginx', 3)),
      solution: ["kubectl delete pod $(kubectl get pods -l app=nginx -o jsonpath='{.items[0].metadata.name}')", 'sleep 10', 'kubectl get pods -l app=nginx'],
    },
    {
      id: 'service',
      title: { en: 'A Service in front of the pods', ko: '파드 앞에 서비스 두기' },
      text: {
        en: 'A Service gives the pods one stable name and virtual IP. Its endpoints are the IPs of the ready pods its selector matches.',
        ko: '서비스는 파드들에게 변하지 않는 이름과 가상 IP 하나를 줍니다. 서비스의 엔드포인트는 셀렉터에 맞으면서 준비된 파드들의 IP입니다.',
      },
      files: [{ path: 'nginx-service.yaml', content: SERVICE_YAML }],
      commands: ['kubectl apply -f nginx-service.yaml', 'kubectl get services', 'kubectl get endpoints'],
      check: all(serviceEndpoints('nginx-service', 3), ran(/^kubectl get (endpoints|ep)\b/, { en: 'list the endpoints', ko: '엔드포인트를 조회하세요' })),
      solution: [...heredoc('nginx-service.yaml', SERVICE_YAML), 'kubectl apply -f nginx-service.yaml', 'sleep 2', 'kubectl get services', 'kubectl get endpoints'],
    },
    {
      id: 'test-pod',
      title: { en: 'Reach the Service from another pod', ko: '다른 파드에서 서비스에 접속하기' },
      text: {
        en: 'Start a throwaway busybox pod with a shell, fetch the page through the Service name, then leave the shell; `--rm` deletes the pod when you exit.',
        ko: '일회용 busybox 파드를 셸과 함께 띄우고, 서비스 이름으로 페이지를 받아 온 다음 셸을 빠져나오세요. `--rm` 덕분에 나오면 파드가 지워집니다.',
      },
      commands: ['kubectl run test-pod --rm -it --image=busybox -- /bin/sh', 'wget -qO- nginx-service', 'exit'],
      check: ran(/^wget .*nginx-service/, { en: 'fetch the page with wget from inside the test pod', ko: '테스트 파드 안에서 wget으로 페이지를 받아 오세요' }),
      solution: ['kubectl run test-pod --rm -it --image=busybox -- /bin/sh', 'wget -qO- nginx-service', 'exit'],
    },
    {
      id: 'kubelet',
      title: { en: 'Inside the node: the kubelet', ko: '노드 안의 kubelet' },
      text: {
        en: 'The node is a container: list it with `docker ps`, open a shell in it, and read the kubelet\'s log to see it start, sync and stop pods.',
        ko: '노드는 컨테이너입니다. `docker ps`로 확인하고 그 안에 셸로 들어가서, kubelet 로그를 읽어 파드를 띄우고 맞추고 멈추는 과정을 살펴보세요.',
      },
      commands: ['docker ps', 'docker exec -it single-cluster-control-plane /bin/bash', 'journalctl -u kubelet', 'exit'],
      check: ran(/^journalctl\b.*kubelet/, { en: 'read the kubelet journal inside the node', ko: '노드 안에서 kubelet 저널을 읽어 보세요' }),
      solution: ['docker ps', 'docker exec -it single-cluster-control-plane /bin/bash', 'journalctl -u kubelet | tail -5', 'exit'],
    },
    {
      id: 'clean-up',
      title: { en: 'Clean up', ko: '정리하기' },
      text: {
        en: 'Leave the workspace, delete the cluster (its node container goes with it), and remove the kubeconfig file and the folder.',
        ko: '작업 폴더에서 나와 클러스터를 지우고(노드 컨테이너도 함께 사라집니다), kubeconfig 파일과 폴더를 삭제하세요.',
      },
      commands: ['cd', 'kind delete clusters single-cluster', 'rm ~/.kube/single-config', 'rm -rf ~/workspace/kind-single-test'],
      check: all(noKindClusters(), fileGone('~/.kube/single-config'), fileGone('~/workspace/kind-single-test')),
      solution: ['cd', 'kind delete clusters single-cluster', 'rm ~/.kube/single-config', 'rm -rf ~/workspace/kind-single-test'],
    },
  ],
};
