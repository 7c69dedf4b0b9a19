/** etcd: where the cluster's state lives, how the API server lays it out, and why backups matter. */
import { all, ran } from '../checks';
import type { Lesson } from '../types';

const CERTS = '--cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key';
const ETCDCTL = `kubectl exec -n kube-system etcd-kind-control-plane -- etcdctl ${CERTS}`;

export const lesson: Lesson = {
  id: '04-etcd',
  title: { en: 'etcd, the cluster\'s memory', ko: '클러스터의 기억, etcd' },
  summary: {
    en: 'Every object you create ends up as a key in etcd, written only by the API server. Look at the keys, find your own object, and take a snapshot.',
    ko: '여러분이 만드는 모든 오브젝트는 결국 etcd의 키 하나가 되고, 그 키는 API 서버만 씁니다. 키를 살펴보고, 직접 만든 오브젝트를 찾아보고, 스냅샷을 떠 봅니다.',
  },
  minutes: 12,
  start: 'default',
  steps: [
    {
      id: 'find-etcd',
      title: { en: 'Find etcd', ko: 'etcd 찾기' },
      text: {
        en: 'etcd runs as a static pod on the control-plane node. Its image has `etcdctl` but no shell, so you run etcdctl through `kubectl exec`.',
        ko: 'etcd는 컨트롤 플레인 노드의 스태틱 파드로 돕니다. 이미지에 셸은 없고 `etcdctl`만 있어서 `kubectl exec`로 etcdctl을 실행합니다.',
      },
      commands: ['kubectl get pods -n kube-system -l component=etcd'],
      check: ran(/^kubectl get (pods|pod|po) .*component=etcd/, { en: 'list the etcd pod by its label', ko: '레이블로 etcd 파드를 조회하세요' }),
      solution: ['kubectl get pods -n kube-system -l component=etcd'],
    },
    {
      id: 'no-certs',
      title: { en: 'etcd only talks to its own clients', ko: 'etcd는 자기 클라이언트하고만 이야기한다' },
      text: {
        en: 'Ask etcd for its keys without credentials and see what happens: etcd requires client certificates signed by its own CA.',
        ko: '인증서 없이 키 목록을 요청해 보세요. etcd는 자기 CA가 서명한 클라이언트 인증서를 요구합니다.',
      },
      predict: {
        question: { en: 'What will etcdctl print without certificates?', ko: '인증서 없이 실행하면 etcdctl은 무엇을 출력할까요?' },
        choices: [{ en: 'All keys', ko: '모든 키' }, { en: 'A timeout: the TLS handshake never completes', ko: '시간 초과: TLS 핸드셰이크가 끝나지 않음' }, { en: 'Permission denied for one key', ko: '키 하나에 대한 권한 거부' }],
        answer: 1,
      },
      commands: ['kubectl exec -n kube-system etcd-kind-control-plane -- etcdctl get / --prefix --keys-only'],
      check: ran(/etcdctl get /, { en: 'run etcdctl get', ko: 'etcdctl get을 실행하세요' }),
      solution: ['kubectl exec -n kube-system etcd-kind-control-plane -- etcdctl get / --prefix --keys-only'],
    },
    {
      id: 'keys',
      title: { en: 'The /registry layout', ko: '/registry 구조' },
      text: {
        en: 'With the certificates kind mounts into the pod, list the namespace keys. The API server stores each object at `/registry/<resource>/<namespace>/<name>`.',
        ko: 'kind가 파드에 넣어 둔 인증서를 붙여 네임스페이스 키를 조회하세요. API 서버는 오브젝트를 `/registry/<리소스>/<네임스페이스>/<이름>` 키에 저장합니다.',
      },
      commands: [`${ETCDCTL} get /registry/namespaces --prefix --keys-only`],
      check: ran(/etcdctl .*--cert.* get \/registry\/namespaces/, { en: 'list the keys under /registry/namespaces with the certificates', ko: '인증서를 붙여 /registry/namespaces 아래 키를 조회하세요' }),
      solution: [`${ETCDCTL} get /registry/namespaces --prefix --keys-only`],
    },
    {
      id: 'your-object',
      title: { en: 'Find your own object', ko: '내가 만든 오브젝트 찾기' },
      text: {
        en: 'Create a ConfigMap with kubectl, then read its key straight from etcd. kubectl never talked to etcd: the API server validated the object and wrote it.',
        ko: 'kubectl로 컨피그맵을 만든 뒤 etcd에서 그 키를 직접 읽어 보세요. kubectl은 etcd와 이야기한 적이 없습니다. API 서버가 오브젝트를 검증하고 썼습니다.',
      },
      commands: ['kubectl create configmap demo --from-literal=color=blue', `${ETCDCTL} get /registry/configmaps/default/demo`],
      check: all(
        (view) => (view.get('configmaps', 'default', 'demo') ? { done: true } : { done: false, missing: { en: 'create the ConfigMap demo', ko: '컨피그맵 demo를 만드세요' } }),
        ran(/etcdctl .* get \/registry\/configmaps\/default\/demo/, { en: 'read /registry/configmaps/default/demo from etcd', ko: 'etcd에서 /registry/configmaps/default/demo를 읽으세요' }),
      ),
      solution: ['kubectl create configmap demo --from-literal=color=blue', `${ETCDCTL} get /registry/configmaps/default/demo`],
    },
    {
      id: 'snapshot',
      title: { en: 'Back it up', ko: '백업하기' },
      text: {
        en: 'Everything the cluster knows is in etcd; lose it and the cluster forgets every object. A snapshot is the backup you restore from.',
        ko: '클러스터가 아는 모든 것이 etcd에 있습니다. etcd를 잃으면 클러스터는 모든 오브젝트를 잊습니다. 스냅샷은 복구할 때 쓰는 백업입니다.',
      },
      commands: [`${ETCDCTL} snapshot save /var/lib/etcd/snapshot.db`],
      check: ran(/etcdctl .* snapshot save /, { en: 'save a snapshot', ko: '스냅샷을 저장하세요' }),
      solution: [`${ETCDCTL} snapshot save /var/lib/etcd/snapshot.db`],
    },
  ],
};
