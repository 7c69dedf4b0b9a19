/**
 * kubectl and kubeconfig: what the file holds (clusters, users, contexts, current-context), how
 * kind writes a context for each cluster, switching between clusters and setting a default
 * namespace, and the `k` alias with `k get all -A`. Text in our own words.
 */
import { all, kindClusterExists, kindClusterGone, ran } from '../checks';
import type { Lesson } from '../types';

const LOST_CLUSTER = {
  when: kindClusterGone('kind'),
  mistake: ['kind delete cluster'],
  text: {
    en: '`kind delete cluster` without `--name` deletes the cluster named **kind**, the one this lesson needs. Make it again with `kind create cluster` (it takes a moment) and carry on.',
    ko: '`--name` 없이 `kind delete cluster`를 실행하면 이 레슨에 필요한 **kind** 클러스터가 지워집니다. `kind create cluster`로 다시 만든 뒤(잠시 걸립니다) 이어서 진행하세요.',
  },
};

export const lesson: Lesson = {
  id: '03-kubectl-kubeconfig',
  title: { en: 'kubectl and kubeconfig', ko: 'kubectl과 kubeconfig' },
  summary: {
    en: 'Read the file that tells kubectl where the cluster is and who you are, add a second cluster, switch between them, pick a default namespace, and list everything with `k get all -A`.',
    ko: 'kubectl에게 클러스터의 위치와 사용자 정보를 알려 주는 파일을 읽어 보고, 두 번째 클러스터를 추가해 오가며, 기본 네임스페이스를 정하고, `k get all -A`로 모든 것을 조회해 봅니다.',
  },
  minutes: 15,
  start: 'default',
  steps: [
    {
      id: 'view',
      title: { en: 'What kubectl reads', ko: 'kubectl이 읽는 파일' },
      text: {
        en: 'kubectl is only an HTTPS client of the API server. To find the server and prove who you are, it reads a **kubeconfig** file: `$KUBECONFIG` if set, otherwise `~/.kube/config`. It has three lists (`clusters`: server address and CA; `users`: client credentials; `contexts`: a cluster + user (+ namespace) pair with a name) and `current-context`, the pair kubectl uses by default.\n\nPrint it with `kubectl config view` (certificates are shown as `DATA+OMITTED`; `--raw` would show them), then compare with the file itself.',
        ko: 'kubectl은 API 서버에 HTTPS로 요청을 보내는 클라이언트일 뿐입니다. 서버가 어디 있는지, 내가 누구인지는 **kubeconfig** 파일에서 읽습니다. `$KUBECONFIG`가 설정돼 있으면 그 파일을, 아니면 `~/.kube/config`를 씁니다. 파일에는 목록이 셋 있습니다. `clusters`(서버 주소와 CA), `users`(클라이언트 인증 정보), `contexts`(클러스터와 사용자, 그리고 선택적으로 네임스페이스를 묶어 이름 붙인 것). 여기에 kubectl이 기본으로 쓰는 묶음인 `current-context`가 더해집니다.\n\n`kubectl config view`로 출력해 보고(인증서는 `DATA+OMITTED`로 가려지며, `--raw`를 붙이면 보입니다) 파일 원본과 비교해 보세요.',
      },
      predict: {
        question: { en: 'kind created this cluster. What is the name of its context?', ko: 'kind가 이 클러스터를 만들었습니다. 컨텍스트 이름은 무엇일까요?' },
        choices: [{ en: '`kind`', ko: '`kind`' }, { en: '`kind-kind`: kind puts `kind-` before the cluster name', ko: '`kind-kind`: kind는 클러스터 이름 앞에 `kind-`를 붙임' }, { en: '`default`', ko: '`default`' }],
        answer: 1,
      },
      commands: ['kubectl config view', 'cat ~/.kube/config'],
      check: ran(/^kubectl config view\b/, { en: 'run kubectl config view', ko: 'kubectl config view를 실행하세요' }),
      explain: {
        en: 'One cluster, one user and one context, all named `kind-kind`, and `current-context: kind-kind`. The server is `https://127.0.0.1:<port>`: Docker publishes the control-plane container\'s port 6443 on a random local port.',
        ko: '클러스터, 사용자, 컨텍스트가 하나씩 있고 모두 이름이 `kind-kind`이며, `current-context: kind-kind`입니다. 서버 주소 `https://127.0.0.1:<포트>`는 도커가 컨트롤 플레인 컨테이너의 6443 포트를 로컬의 임의 포트로 열어 둔 것입니다.',
      },
      solution: ['kubectl config view', 'cat ~/.kube/config'],
    },
    {
      id: 'contexts',
      title: { en: 'Contexts', ko: '컨텍스트' },
      text: {
        en: 'List the contexts; the `*` marks the current one. `current-context` prints just its name.',
        ko: '컨텍스트 목록을 보세요. `*` 표시가 현재 컨텍스트입니다. `current-context`는 그 이름만 출력합니다.',
      },
      commands: ['kubectl config get-contexts', 'kubectl config current-context'],
      check: all(
        ran(/^kubectl config get-contexts\b/, { en: 'list the contexts', ko: '컨텍스트 목록을 조회하세요' }),
        ran(/^kubectl config current-context\b/, { en: 'print the current context', ko: '현재 컨텍스트를 출력하세요' }),
      ),
      solution: ['kubectl config get-contexts', 'kubectl config current-context'],
    },
    {
      id: 'second-cluster',
      title: { en: 'A second cluster', ko: '두 번째 클러스터' },
      text: {
        en: 'Create another kind cluster named `second`. kind adds a cluster, a user and a context named `kind-second` to the same kubeconfig.',
        ko: '`second`라는 이름으로 kind 클러스터를 하나 더 만드세요. kind는 같은 kubeconfig에 `kind-second`라는 클러스터, 사용자, 컨텍스트를 추가합니다.',
      },
      predict: {
        question: { en: 'Right after `kind create cluster --name second`, which cluster does `kubectl get nodes` list?', ko: '`kind create cluster --name second` 직후 `kubectl get nodes`는 어느 클러스터의 노드를 보여 줄까요?' },
        choices: [{ en: 'Still the first one, `kind`', ko: '여전히 첫 번째 클러스터 `kind`' }, { en: 'The new one: kind switched the current context to `kind-second`', ko: '새 클러스터: kind가 현재 컨텍스트를 `kind-second`로 바꿈' }, { en: 'Both', ko: '둘 다' }],
        answer: 1,
      },
      commands: ['kind create cluster --name second', 'kubectl config get-contexts', 'kubectl get nodes'],
      check: all(kindClusterExists('second'), ran(/^kubectl config get-contexts\b/, { en: 'list the contexts again', ko: '컨텍스트 목록을 다시 조회하세요' })),
      fails: [LOST_CLUSTER],
      explain: {
        en: '`Set kubectl context to "kind-second"`: kind made the new cluster current, so `kubectl get nodes` now shows `second-control-plane` only.',
        ko: '`Set kubectl context to "kind-second"`라는 출력대로 kind가 새 클러스터를 현재 컨텍스트로 정했습니다. 그래서 `kubectl get nodes`는 이제 `second-control-plane`만 보여 줍니다.',
      },
      solution: ['kind create cluster --name second', 'kubectl config get-contexts', 'kubectl get nodes'],
    },
    {
      id: 'switch',
      title: { en: 'Switch, or ask once', ko: '전환하거나, 한 번만 지정하거나' },
      text: {
        en: 'Switch back with `kubectl config use-context kind-kind`. To talk to another cluster for a single command, pass `--context` instead of switching.',
        ko: '`kubectl config use-context kind-kind`로 다시 전환하세요. 명령 하나만 다른 클러스터에 보내려면 전환하지 말고 `--context`를 붙이면 됩니다.',
      },
      commands: ['kubectl config use-context kind-kind', 'kubectl get nodes', 'kubectl get nodes --context kind-second'],
      check: all(
        ran(/^kubectl config use-context kind-kind\s*$/, { en: 'switch back to the context kind-kind', ko: '컨텍스트 kind-kind로 다시 전환하세요' }),
        ran(/^kubectl .*--context[= ]kind-second\b/, { en: 'run one command with --context kind-second', ko: '--context kind-second를 붙여 명령을 하나 실행하세요' }),
      ),
      hints: [
        {
          when: ran(/^kubectl config use-context (kind|second)\s*$/, { en: 'use a context name without the kind- prefix', ko: 'kind- 접두사 없는 컨텍스트 이름 쓰기' }),
          mistake: ['kubectl config use-context second'],
          text: {
            en: 'There is no context named `kind` or `second`: kind names contexts `kind-<cluster>`. Use `kind-kind` or `kind-second`.',
            ko: '`kind`나 `second`라는 컨텍스트는 없습니다. kind는 컨텍스트 이름을 `kind-<클러스터>`로 짓습니다. `kind-kind`나 `kind-second`를 쓰세요.',
          },
        },
      ],
      fails: [LOST_CLUSTER],
      solution: ['kubectl config use-context kind-kind', 'kubectl get nodes', 'kubectl get nodes --context kind-second'],
    },
    {
      id: 'namespace',
      title: { en: 'A default namespace, and k get all -A', ko: '기본 네임스페이스, 그리고 k get all -A' },
      text: {
        en: 'A context can also carry a namespace. Set `kube-system` on the current context and `kubectl get pods` lists the system pods without `-n`.\n\nIn this shell `k` is an alias for `kubectl` (run `alias` to see it). `k get all -A` lists the common workload kinds (pods, services, daemonsets, deployments, replicasets, statefulsets, jobs, cronjobs...) in every namespace; ConfigMaps, Secrets and many other kinds are not part of `all`. Then put the namespace back to `default`.',
        ko: '컨텍스트에는 네임스페이스도 넣을 수 있습니다. 현재 컨텍스트에 `kube-system`을 지정하면 `-n` 없이도 `kubectl get pods`가 시스템 파드를 보여 줍니다.\n\n이 셸에서 `k`는 `kubectl`의 별칭입니다(`alias`로 확인하세요). `k get all -A`는 모든 네임스페이스의 대표적인 워크로드 종류(파드, 서비스, 데몬셋, 디플로이먼트, 레플리카셋, 스테이트풀셋, 잡, 크론잡 등)를 보여 줍니다. 컨피그맵, 시크릿을 비롯한 많은 종류는 `all`에 들어가지 않습니다. 마지막으로 네임스페이스를 `default`로 되돌리세요.',
      },
      commands: ['kubectl config set-context --current --namespace=kube-system', 'kubectl get pods', 'alias', 'k get all -A', 'kubectl config set-context --current --namespace=default'],
      check: all(
        ran(/^kubectl config set-context --current --namespace[= ]kube-system\b/, { en: 'set kube-system as the namespace of the current context', ko: '현재 컨텍스트의 네임스페이스를 kube-system으로 지정하세요' }),
        ran(/^k(ubectl)? get all (-A|--all-namespaces)\b/, { en: 'run k get all -A', ko: 'k get all -A를 실행하세요' }),
        ran(/^kubectl config set-context --current --namespace[= ]default\b/, { en: 'set the namespace back to default', ko: '네임스페이스를 default로 되돌리세요' }),
      ),
      fails: [LOST_CLUSTER],
      solution: ['kubectl config set-context --current --namespace=kube-system', 'kubectl get pods', 'alias', 'k get all -A', 'kubectl config set-context --current --namespace=default'],
    },
    {
      id: 'clean-up',
      title: { en: 'Delete the second cluster', ko: '두 번째 클러스터 지우기' },
      text: {
        en: 'Delete `second` by name. kind also removes its cluster, user and context from the kubeconfig.',
        ko: '`second`를 이름으로 지정해 지우세요. kind가 kubeconfig에서 그 클러스터, 사용자, 컨텍스트도 함께 지웁니다.',
      },
      commands: ['kind delete cluster --name second', 'kubectl config get-contexts'],
      check: kindClusterGone('second'),
      fails: [LOST_CLUSTER],
      solution: ['kind delete cluster --name second', 'kubectl config get-contexts'],
    },
  ],
};
