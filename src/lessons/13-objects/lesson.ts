/**
 * Objects: Namespaces as folders, labels and selectors as the glue between objects, annotations
 * for everything else, ConfigMaps and Secrets fed into a container, and storage through a
 * PersistentVolumeClaim, its StorageClass and the PersistentVolume made for it. Our own words.
 */
import { absent, all, exists, podRunning, podWaiting, ran } from '../checks';
import type { Check, Lesson } from '../types';

const NS = 'team-a';

const APP = `apiVersion: v1
kind: Pod
metadata:
  name: app
  namespace: team-a
spec:
  containers:
  - name: app
    image: busybox
    command: ["sleep", "3600"]
    env:
    - name: COLOR
      valueFrom:
        configMapKeyRef:
          name: app-config
          key: COLOR
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef:
          name: db
          key: password`;

const CLAIM = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
  namespace: team-a
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi`;

const WRITER = `apiVersion: v1
kind: Pod
metadata:
  name: writer
  namespace: team-a
spec:
  containers:
  - name: app
    image: busybox
    command: ["sleep", "3600"]
    volumeMounts:
    - name: data
      mountPath: /data
    - name: scratch
      mountPath: /scratch
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
  - name: scratch
    emptyDir: {}`;

const writeFile = (file: string, body: string) => [`cat <<EOF > ${file}`, ...body.split('\n'), 'EOF'];

function metadataHas(field: 'labels' | 'annotations', pod: string, key: string, value: string): Check {
  return (view) => {
    const p = view.get('pods', NS, pod);
    return p?.metadata[field]?.[key] === value ? { done: true } : { done: false, missing: { en: `give pod ${pod} the ${field === 'labels' ? 'label' : 'annotation'} ${key}=${value}`, ko: `파드 ${pod}에 ${field === 'labels' ? '레이블' : '어노테이션'} ${key}=${value}를 붙이세요` } };
  };
}

/** The claim is Bound to a volume of the given StorageClass. */
function claimBound(name: string, storageClass: string): Check {
  return (view) => {
    const claim = view.get('persistentvolumeclaims', NS, name);
    const spec = (claim?.spec ?? {}) as { storageClassName?: string; volumeName?: string };
    const phase = (claim?.status as { phase?: string } | undefined)?.phase;
    const bound = phase === 'Bound' && spec.storageClassName === storageClass && spec.volumeName !== undefined && view.get('persistentvolumes', undefined, spec.volumeName) !== undefined;
    return bound ? { done: true } : { done: false, missing: { en: `create a pod that uses claim "${name}" and wait until the claim is Bound`, ko: `클레임 "${name}"을(를) 쓰는 파드를 만들고 클레임이 Bound가 될 때까지 기다리세요` } };
  };
}

export const lesson: Lesson = {
  id: '13-objects',
  title: { en: 'Objects: namespaces, labels, config and storage', ko: '오브젝트: 네임스페이스, 레이블, 설정, 스토리지' },
  summary: {
    en: 'Give a team its own namespace, tie objects together with labels and selectors, attach notes with annotations, feed a container from a ConfigMap and a Secret, and get a disk through a PersistentVolumeClaim.',
    ko: '팀마다 네임스페이스를 주고, 레이블과 셀렉터로 오브젝트를 잇고, 어노테이션으로 메모를 달고, 컨피그맵과 시크릿으로 컨테이너에 설정을 넣고, 퍼시스턴트볼륨클레임으로 디스크를 받아 봅니다.',
  },
  minutes: 25,
  start: 'default',
  steps: [
    {
      id: 'namespace',
      title: { en: 'A namespace for a team', ko: '팀을 위한 네임스페이스' },
      text: {
        en: 'A namespace is a folder for objects: names must be unique inside one, and access rules (RBAC) and quotas can be set per namespace. Some kinds are not in any namespace at all, such as Nodes, PersistentVolumes and Namespaces themselves. Create `team-a` and list the kinds that are cluster-wide.',
        ko: '네임스페이스는 오브젝트를 담는 폴더입니다. 이름은 한 네임스페이스 안에서만 겹치지 않으면 되고, 접근 규칙(RBAC)과 쿼터를 네임스페이스 단위로 정할 수 있습니다. 노드, 퍼시스턴트볼륨, 네임스페이스 자신처럼 어느 네임스페이스에도 속하지 않는 종류도 있습니다. `team-a`를 만들고 클러스터 전체에 속하는 종류를 조회해 보세요.',
      },
      commands: ['kubectl create namespace team-a', 'kubectl get namespaces', 'kubectl api-resources --namespaced=false'],
      check: all(exists('namespaces', undefined, NS, { en: 'create the namespace team-a', ko: '네임스페이스 team-a를 만드세요' }), ran(/^k(ubectl)? api-resources\b.*--namespaced=false/, { en: 'list the cluster-wide kinds', ko: '클러스터 전체 범위의 종류를 조회하세요' })),
      solution: ['kubectl create namespace team-a', 'kubectl get namespaces', 'kubectl api-resources --namespaced=false'],
    },
    {
      id: 'labels',
      title: { en: 'Labels and selectors', ko: '레이블과 셀렉터' },
      text: {
        en: 'Labels are short key/value pairs meant for **selecting**: a Service finds its pods, a ReplicaSet counts its pods, and you filter lists, all by label selectors. Run two pods with labels, then select them by equality (`app!=web`) and by set (`tier in (front,back)`), and add a label afterwards.',
        ko: '레이블은 **선택**하려고 붙이는 짧은 키/값 쌍입니다. 서비스가 자기 파드를 찾을 때도, 레플리카셋이 자기 파드를 셀 때도, 여러분이 목록을 거를 때도 레이블 셀렉터를 씁니다. 레이블을 붙여 파드 두 개를 띄우고, 등호 조건(`app!=web`)과 집합 조건(`tier in (front,back)`)으로 골라 본 다음, 나중에 레이블을 하나 더 붙여 보세요.',
      },
      predict: {
        question: { en: 'Which pods does `-l \'app!=web\'` select?', ko: '`-l \'app!=web\'`은 어떤 파드를 고를까요?' },
        choices: [{ en: 'Only api', ko: 'api만' }, { en: 'web and api', ko: 'web과 api 둘 다' }, { en: 'None: != is not allowed', ko: '없음: !=는 쓸 수 없음' }],
        answer: 0,
      },
      commands: ['kubectl run web --image=nginx -n team-a -l app=web,tier=front', 'kubectl run api --image=nginx -n team-a -l app=api,tier=back', 'kubectl get pods -n team-a --show-labels', "kubectl get pods -n team-a -l 'app!=web'", "kubectl get pods -n team-a -l 'tier in (front,back)' -L tier", 'kubectl label pod web -n team-a env=prod'],
      check: all(metadataHas('labels', 'web', 'env', 'prod'), ran(/^k(ubectl)? get (pods?|po)\b.*(-l|--selector)[= ]/, { en: 'list pods with a label selector', ko: '레이블 셀렉터로 파드를 조회하세요' })),
      hints: [
        {
          when: ran(/^k(ubectl)? (run|get|label) (?!.*(-n|--namespace)[= ]?team-a)(?!.*-A\b).*\b(web|api)\b/, { en: 'a command without -n team-a', ko: '-n team-a 없는 명령' }),
          mistake: ['kubectl get pods -l app=web'],
          text: {
            en: 'Without `-n team-a` kubectl works in the `default` namespace, where these pods are not. Add `-n team-a`.',
            ko: '`-n team-a`가 없으면 kubectl은 `default` 네임스페이스에서 동작하는데, 이 파드들은 거기 없습니다. `-n team-a`를 붙이세요.',
          },
        },
      ],
      solution: ['kubectl run web --image=nginx -n team-a -l app=web,tier=front', 'kubectl run api --image=nginx -n team-a -l app=api,tier=back', 'kubectl get pods -n team-a --show-labels', "kubectl get pods -n team-a -l 'app!=web'", "kubectl get pods -n team-a -l 'tier in (front,back)' -L tier", 'kubectl label pod web -n team-a env=prod'],
    },
    {
      id: 'annotations',
      title: { en: 'Annotations', ko: '어노테이션' },
      text: {
        en: 'Annotations are key/value metadata too, but nothing selects by them: they hold notes for people and tools (an owner, a change cause, a tool\'s configuration), and their values may be long and free-form. Annotate `web` with its owner and find it in `kubectl describe`.',
        ko: '어노테이션도 키/값 메타데이터지만 이걸로 무언가를 선택하지는 않습니다. 사람과 도구를 위한 메모(담당자, 변경 이유, 도구 설정 등)를 담고, 값은 길고 자유로워도 됩니다. `web`에 담당자 어노테이션을 달고 `kubectl describe`에서 찾아보세요.',
      },
      commands: ["kubectl annotate pod web -n team-a owner='team a, room 3'", 'kubectl describe pod web -n team-a'],
      check: metadataHas('annotations', 'web', 'owner', 'team a, room 3'),
      solution: ["kubectl annotate pod web -n team-a owner='team a, room 3'", 'kubectl describe pod web -n team-a'],
    },
    {
      id: 'config',
      title: { en: 'ConfigMaps and Secrets', ko: '컨피그맵과 시크릿' },
      text: {
        en: 'Keep configuration out of the image: a **ConfigMap** holds plain settings, a **Secret** holds sensitive ones. A Secret\'s values are only base64-encoded, not encrypted: anyone allowed to read the Secret can decode them. Create one of each and a pod that reads a key of each into an environment variable.',
        ko: '설정은 이미지 밖에 두세요. **컨피그맵**은 평범한 설정을, **시크릿**은 민감한 설정을 담습니다. 시크릿 값은 base64로 인코딩됐을 뿐 암호화된 것이 아니어서, 시크릿을 읽을 권한이 있으면 누구나 풀어 볼 수 있습니다. 각각 하나씩 만들고, 둘의 키를 하나씩 환경 변수로 읽어 들이는 파드를 만드세요.',
      },
      files: [{ path: 'app.yaml', content: `${APP}\n` }],
      commands: ['kubectl create configmap app-config -n team-a --from-literal=COLOR=blue', 'kubectl create secret generic db -n team-a --from-literal=password=s3cret', "kubectl get secret db -n team-a -o jsonpath='{.data.password}' | base64 -d", 'kubectl apply -f app.yaml', 'kubectl exec app -n team-a -- env'],
      check: all(podRunning('app', NS), ran(/^k(ubectl)? exec .*app\b.* -- (env|printenv|sh)/, { en: 'print the environment inside the app pod', ko: 'app 파드 안의 환경 변수를 출력하세요' })),
      hints: [
        {
          when: podWaiting('app', 'CreateContainerConfigError', NS),
          text: {
            en: '`CreateContainerConfigError`: a ConfigMap or Secret the pod reads does not exist (yet) in `team-a`. Create both; the kubelet tries again on its own about every 10 seconds.',
            ko: '`CreateContainerConfigError`: 파드가 읽는 컨피그맵이나 시크릿이 `team-a`에 (아직) 없습니다. 둘 다 만들면 kubelet이 약 10초마다 알아서 다시 시도합니다.',
          },
          mistake: [...writeFile('app.yaml', APP), 'kubectl apply -f app.yaml', 'sleep 10'],
        },
      ],
      solution: ['kubectl create configmap app-config -n team-a --from-literal=COLOR=blue', 'kubectl create secret generic db -n team-a --from-literal=password=s3cret', "kubectl get secret db -n team-a -o jsonpath='{.data.password}' | base64 -d", 'echo', ...writeFile('app.yaml', APP), 'kubectl apply -f app.yaml', 'sleep 10', 'kubectl exec app -n team-a -- env'],
    },
    {
      id: 'storage',
      title: { en: 'Volumes and claims', ko: '볼륨과 클레임' },
      text: {
        en: 'A container\'s own filesystem is lost when it restarts; a **volume** outlives the container. An `emptyDir` lives as long as the pod. For data that outlives the pod, a **PersistentVolumeClaim** asks for storage by size and access mode, and a **StorageClass** says how to make it. kind has one, `standard` (the default), backed by the local-path provisioner and set to `WaitForFirstConsumer`.\n\nCreate the claim alone, look at it, then create a pod that mounts it.',
        ko: '컨테이너 자체의 파일 시스템은 재시작하면 사라지지만 **볼륨**은 컨테이너보다 오래 삽니다. `emptyDir`은 파드가 사는 동안 유지됩니다. 파드보다 오래 남아야 하는 데이터라면 **퍼시스턴트볼륨클레임**이 크기와 접근 모드로 스토리지를 요청하고, **스토리지클래스**가 그것을 어떻게 만들지 정합니다. kind에는 local-path 프로비저너를 쓰고 `WaitForFirstConsumer`로 설정된 기본 클래스 `standard`가 하나 있습니다.\n\n클레임만 먼저 만들어 살펴본 뒤, 그것을 마운트하는 파드를 만드세요.',
      },
      predict: {
        question: { en: 'Before any pod uses it, what is the claim\'s STATUS?', ko: '아직 아무 파드도 쓰지 않을 때 클레임의 STATUS는 무엇일까요?' },
        choices: [
          { en: 'Bound: the provisioner makes a volume at once', ko: 'Bound: 프로비저너가 곧바로 볼륨을 만듦' },
          { en: 'Pending, until a pod that uses it is scheduled', ko: 'Pending: 이를 쓰는 파드가 스케줄될 때까지' },
          { en: 'Failed: it names no StorageClass', ko: 'Failed: 스토리지클래스를 지정하지 않음' },
        ],
        answer: 1,
      },
      files: [{ path: 'claim.yaml', content: `${CLAIM}\n` }, { path: 'writer.yaml', content: `${WRITER}\n` }],
      commands: ['kubectl get storageclass', 'kubectl apply -f claim.yaml', 'kubectl get pvc -n team-a', 'kubectl apply -f writer.yaml', 'kubectl get pvc -n team-a', 'kubectl get pv'],
      check: all(claimBound('data', 'standard'), podRunning('writer', NS)),
      explain: {
        en: 'The claim named no class, so the API server filled in the default, `standard`. With `WaitForFirstConsumer` nothing is provisioned until the scheduler has picked a node for a pod using the claim; then the provisioner made a PersistentVolume on that node and the claim became Bound to it.',
        ko: '클레임에 클래스를 적지 않았으므로 API 서버가 기본값 `standard`를 채웠습니다. `WaitForFirstConsumer`에서는 그 클레임을 쓰는 파드의 노드를 스케줄러가 고를 때까지 아무것도 만들지 않습니다. 노드가 정해지자 프로비저너가 그 노드에 퍼시스턴트볼륨을 만들었고, 클레임이 그 볼륨에 Bound 되었습니다.',
      },
      solution: ['kubectl get storageclass', ...writeFile('claim.yaml', CLAIM), 'kubectl apply -f claim.yaml', 'sleep 5', 'kubectl get pvc -n team-a', ...writeFile('writer.yaml', WRITER), 'kubectl apply -f writer.yaml', 'sleep 15', 'kubectl get pvc -n team-a', 'kubectl get pv'],
    },
    {
      id: 'clean-up',
      title: { en: 'Delete the namespace', ko: '네임스페이스 지우기' },
      text: {
        en: 'Deleting a namespace deletes everything in it: pods, ConfigMaps, Secrets, claims. The PersistentVolume is cluster-wide, but its reclaim policy is `Delete`, so it goes when its claim goes.',
        ko: '네임스페이스를 지우면 그 안의 파드, 컨피그맵, 시크릿, 클레임이 모두 지워집니다. 퍼시스턴트볼륨은 클러스터 범위지만 회수 정책이 `Delete`이므로 클레임이 사라지면 함께 사라집니다.',
      },
      commands: ['kubectl delete namespace team-a', 'kubectl get pv'],
      check: absent('namespaces', undefined, NS, { en: 'delete the namespace team-a', ko: '네임스페이스 team-a를 지우세요' }),
      solution: ['kubectl delete namespace team-a', 'sleep 10', 'kubectl get pv'],
    },
  ],
};
