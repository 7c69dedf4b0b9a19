/**
 * Controllers: a ReplicaSet holds the number of pods its selector matches to `replicas` (adopting and
 * deleting strays too), a Deployment rolls a new ReplicaSet in and the old one out within
 * maxSurge/maxUnavailable, a bad rollout stalls and is undone, and the strategy can be tuned.
 */
import { absent, all, deploymentRolledOut, podsReady, ran } from '../checks';
import type { Check, Lesson } from '../types';

const FRONTEND = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
spec:
  replicas: 3
  selector:
    matchLabels:
      app: frontend
  template:
    metadata:
      labels:
        app: frontend
    spec:
      containers:
      - name: nginx
        image: nginx`;

/** Exactly `count` live pods match `selector`. */
function podCount(selector: string, count: number): Check {
  return (view) => {
    const now = view.list('pods', 'default', selector).filter((p) => !p.metadata.deletionTimestamp).length;
    return now === count ? { done: true } : { done: false, missing: { en: `wait until exactly ${count} pods match ${selector} (now ${now})`, ko: `${selector}에 맞는 파드가 정확히 ${count}개가 될 때까지 기다리세요 (현재 ${now}개)` } };
  };
}

/** The Deployment's rollout to a broken image is stuck: some new pods cannot pull their image. */
function rolloutStuck(name: string): Check {
  return (view) => {
    const pods = view.list('pods', 'default', `app=${name}`);
    const stuck = pods.some((p) => {
      const statuses = (p.status as { containerStatuses?: { state?: { waiting?: { reason?: string } } }[] } | undefined)?.containerStatuses ?? [];
      return statuses.some((s) => ['ErrImagePull', 'ImagePullBackOff'].includes(s.state?.waiting?.reason ?? ''));
    });
    return stuck ? { done: true } : { done: false, missing: { en: `roll "${name}" out to an image that does not exist and wait`, ko: `"${name}"을(를) 존재하지 않는 이미지로 롤아웃하고 기다리세요` } };
  };
}

/** The Deployment's strategy has the given maxSurge and maxUnavailable. */
function strategy(name: string, maxSurge: number | string, maxUnavailable: number | string): Check {
  return (view) => {
    const d = view.get('deployments.apps', 'default', name);
    const rolling = (d?.spec as { strategy?: { rollingUpdate?: { maxSurge?: unknown; maxUnavailable?: unknown } } } | undefined)?.strategy?.rollingUpdate;
    return rolling?.maxSurge === maxSurge && rolling.maxUnavailable === maxUnavailable
      ? { done: true }
      : { done: false, missing: { en: `set maxSurge ${maxSurge} and maxUnavailable ${maxUnavailable} on "${name}"`, ko: `"${name}"에 maxSurge ${maxSurge}, maxUnavailable ${maxUnavailable}을 설정하세요` } };
  };
}

export const lesson: Lesson = {
  id: '08-controllers',
  title: { en: 'Controllers: ReplicaSets and Deployments', ko: '컨트롤러: 레플리카셋과 디플로이먼트' },
  summary: {
    en: 'Watch a ReplicaSet hold its pod count against extra and missing pods, roll a Deployment forward and back, stop a broken rollout, and tune maxSurge and maxUnavailable.',
    ko: '레플리카셋이 파드가 남거나 모자랄 때 개수를 맞추는 모습을 보고, 디플로이먼트를 새 버전으로 올렸다 되돌리고, 망가진 롤아웃을 멈추고, maxSurge와 maxUnavailable을 조정해 봅니다.',
  },
  minutes: 25,
  start: 'default',
  steps: [
    {
      id: 'replicaset',
      title: { en: 'A ReplicaSet counts pods by label', ko: '레플리카셋은 레이블로 파드를 센다' },
      text: {
        en: 'A controller compares desired state with what exists and acts on the difference, over and over. A ReplicaSet\'s desired state is `replicas` pods matching its selector. Create `frontend` with 3 replicas.\n\nThen start a bare pod that happens to carry the same label, `app=frontend`.',
        ko: '컨트롤러는 원하는 상태와 실제 상태를 비교하고 차이만큼 행동하기를 끝없이 되풀이합니다. 레플리카셋의 원하는 상태는 셀렉터에 맞는 파드 `replicas`개입니다. 레플리카 3개로 `frontend`를 만드세요.\n\n그다음 우연히 같은 레이블 `app=frontend`를 가진 파드를 하나 따로 띄워 보세요.',
      },
      files: [{ path: 'frontend.yaml', content: `${FRONTEND}\n` }],
      predict: {
        question: { en: 'A few seconds after `kubectl run stray --image=nginx -l app=frontend`, how many `app=frontend` pods are there?', ko: '`kubectl run stray --image=nginx -l app=frontend` 몇 초 뒤 `app=frontend` 파드는 몇 개일까요?' },
        choices: [
          { en: 'Four: the stray is not the ReplicaSet\'s', ko: '네 개: stray는 레플리카셋 것이 아님' },
          { en: 'Three: the ReplicaSet adopts the stray, counts four and deletes one', ko: '세 개: 레플리카셋이 stray를 입양하고 네 개로 세어 하나를 지움' },
          { en: 'The pod is rejected', ko: '파드 생성이 거부됨' },
        ],
        answer: 1,
      },
      commands: ['kubectl apply -f frontend.yaml', 'kubectl get rs frontend', 'kubectl run stray --image=nginx -l app=frontend', 'kubectl get pods -l app=frontend'],
      check: all(
        ran(/^k(ubectl)? run stray\b.*app=frontend/, { en: 'run the stray pod with the label app=frontend', ko: 'app=frontend 레이블을 붙여 stray 파드를 띄우세요' }),
        podCount('app=frontend', 3),
        podsReady('app=frontend', 3),
      ),
      explain: {
        en: 'The stray matched the selector and had no controller, so the ReplicaSet adopted it (set itself as the owner) and then saw 4 pods for 3 replicas. It deleted one, and the pod least far along (not even scheduled yet) goes first: the stray.',
        ko: 'stray 파드는 셀렉터에 맞고 컨트롤러가 없었으므로 레플리카셋이 입양(자신을 소유자로 지정)했고, 레플리카 3개에 파드 4개를 보게 됐습니다. 그래서 하나를 지웠는데, 가장 덜 진행된 파드(아직 스케줄링도 안 된 파드)가 먼저 지워지므로 stray가 골라졌습니다.',
      },
      solution: ['cat <<EOF | kubectl apply -f -', ...FRONTEND.split('\n'), 'EOF', 'sleep 10', 'kubectl get rs frontend', 'kubectl run stray --image=nginx -l app=frontend', 'sleep 3', 'kubectl get pods -l app=frontend'],
    },
    {
      id: 'deployment',
      title: { en: 'Deployments own ReplicaSets', ko: '디플로이먼트는 레플리카셋을 거느린다' },
      text: {
        en: 'Delete `frontend` (its pods go with it). A Deployment does not manage pods itself: it creates a ReplicaSet named `<deployment>-<pod-template-hash>` and lets it keep the pods. Create `web` with 4 replicas of `nginx:1.27`.',
        ko: '`frontend`를 지우세요(파드도 함께 지워집니다). 디플로이먼트는 파드를 직접 관리하지 않습니다. `<디플로이먼트>-<pod-template-hash>` 이름의 레플리카셋을 만들고 파드 관리는 그 레플리카셋에 맡깁니다. `nginx:1.27` 레플리카 4개로 `web`을 만드세요.',
      },
      commands: ['kubectl delete rs frontend', 'kubectl create deployment web --image=nginx:1.27 --replicas=4', 'kubectl get deploy,rs,pods'],
      check: all(absent('replicasets.apps', 'default', 'frontend', { en: 'delete the ReplicaSet frontend', ko: '레플리카셋 frontend를 지우세요' }), deploymentRolledOut('web', 'nginx:1.27', 4)),
      solution: ['kubectl delete rs frontend', 'kubectl create deployment web --image=nginx:1.27 --replicas=4', 'sleep 15', 'kubectl get deploy,rs,pods'],
    },
    {
      id: 'rollout',
      title: { en: 'A rolling update', ko: '롤링 업데이트' },
      text: {
        en: 'Change the image. The Deployment creates a second ReplicaSet for the new pod template, scales it up and the old one down, step by step. The defaults are `maxSurge: 25%` (rounded up: at most 5 pods in total) and `maxUnavailable: 25%` (rounded down: at least 3 available at all times).',
        ko: '이미지를 바꾸세요. 디플로이먼트는 새 파드 템플릿으로 두 번째 레플리카셋을 만들고, 새것은 늘리고 옛것은 줄이기를 조금씩 반복합니다. 기본값은 `maxSurge: 25%`(올림: 전체 파드는 최대 5개)와 `maxUnavailable: 25%`(내림: 항상 최소 3개는 사용 가능)입니다.',
      },
      commands: ['kubectl set image deployment/web nginx=nginx:1.28', 'kubectl rollout status deployment/web', 'kubectl get rs', 'kubectl rollout history deployment/web'],
      check: all(deploymentRolledOut('web', 'nginx:1.28', 4), ran(/^k(ubectl)? rollout history\b/, { en: 'read the rollout history', ko: '롤아웃 기록을 확인하세요' })),
      explain: {
        en: 'The old ReplicaSet is still there with 0 replicas: it is revision 1 of the history, which is what makes a rollback possible (up to `revisionHistoryLimit: 10` old ReplicaSets are kept).',
        ko: '옛 레플리카셋은 레플리카 0개로 남아 있습니다. 이것이 기록의 리비전 1이고, 덕분에 되돌리기가 가능합니다(옛 레플리카셋은 `revisionHistoryLimit: 10`개까지 보관됩니다).',
      },
      solution: ['kubectl set image deployment/web nginx=nginx:1.28', 'kubectl rollout status deployment/web', 'kubectl get rs', 'kubectl rollout history deployment/web'],
    },
    {
      id: 'bad-rollout',
      title: { en: 'A rollout that cannot finish', ko: '끝나지 못하는 롤아웃' },
      text: {
        en: 'Roll out an image tag that does not exist, `nginx:1.299`, and wait half a minute.',
        ko: '존재하지 않는 이미지 태그 `nginx:1.299`로 롤아웃하고 30초쯤 기다리세요.',
      },
      predict: {
        question: { en: 'What happens to the four running `nginx:1.28` pods?', ko: '실행 중인 `nginx:1.28` 파드 네 개는 어떻게 될까요?' },
        choices: [
          { en: 'All are replaced, and the app is down', ko: '모두 교체되어 앱이 멈춤' },
          { en: 'Three keep serving; only one is taken down, as maxUnavailable allows', ko: '세 개는 계속 서비스하고, maxUnavailable이 허락한 하나만 내려감' },
          { en: 'Nothing: the API server rejects the unknown tag', ko: '아무 일도 없음: API 서버가 없는 태그를 거부함' },
        ],
        answer: 1,
      },
      commands: ['kubectl set image deployment/web nginx=nginx:1.299', 'kubectl get pods', 'kubectl get deployment web'],
      check: rolloutStuck('web'),
      explain: {
        en: 'The new pods sit in ImagePullBackOff and never become available, so the rollout cannot take down more old pods: `READY 3/4`. Nobody checks that an image exists when the Deployment is saved; only the kubelet finds out, when it tries to pull.',
        ko: '새 파드는 ImagePullBackOff에 머물러 사용 가능해지지 않으므로, 롤아웃은 옛 파드를 더 내릴 수 없습니다(`READY 3/4`). 디플로이먼트를 저장할 때는 아무도 이미지가 실제로 있는지 확인하지 않고, 이미지를 받으려는 kubelet만 알게 됩니다.',
      },
      solution: ['kubectl set image deployment/web nginx=nginx:1.299', 'sleep 30', 'kubectl get pods', 'kubectl get deployment web'],
    },
    {
      id: 'undo',
      title: { en: 'Roll back', ko: '되돌리기' },
      text: {
        en: '`kubectl rollout undo` goes back to the previous revision: the ReplicaSet of `nginx:1.28` is scaled up again and becomes a new revision number.',
        ko: '`kubectl rollout undo`는 바로 전 리비전으로 돌아갑니다. `nginx:1.28`의 레플리카셋이 다시 늘어나고 새 리비전 번호를 받습니다.',
      },
      commands: ['kubectl rollout undo deployment/web', 'kubectl rollout status deployment/web', 'kubectl rollout history deployment/web'],
      check: all(ran(/^k(ubectl)? rollout undo\b/, { en: 'undo the rollout', ko: '롤아웃을 되돌리세요' }), deploymentRolledOut('web', 'nginx:1.28', 4)),
      hints: [
        {
          when: ran(/^k(ubectl)? rollout undo\b.*--to-revision[= ]?1\b/, { en: 'undo to revision 1', ko: '리비전 1로 되돌리기' }),
          mistake: ['kubectl rollout undo deployment/web --to-revision=1'],
          text: {
            en: 'Revision 1 is `nginx:1.27`. This step wants the last good one, `nginx:1.28`: run `kubectl rollout undo deployment/web --to-revision=2`, or set the image to `nginx:1.28`.',
            ko: '리비전 1은 `nginx:1.27`입니다. 이 단계에서는 마지막으로 정상이던 `nginx:1.28`이 필요합니다. `kubectl rollout undo deployment/web --to-revision=2`를 실행하거나 이미지를 `nginx:1.28`로 지정하세요.',
          },
        },
      ],
      explain: {
        en: 'The history now reads 1, 3, 4: revision 2 became revision 4, because a revision number belongs to a pod template and that template is now the newest.',
        ko: '이제 기록은 1, 3, 4입니다. 리비전 번호는 파드 템플릿에 붙는데 그 템플릿이 가장 최신이 되었으므로, 리비전 2가 리비전 4가 되었습니다.',
      },
      solution: ['kubectl rollout undo deployment/web', 'kubectl rollout status deployment/web', 'kubectl rollout history deployment/web'],
    },
    {
      id: 'strategy',
      title: { en: 'Tune maxSurge and maxUnavailable', ko: 'maxSurge와 maxUnavailable 조정하기' },
      text: {
        en: 'With `maxSurge: 0` and `maxUnavailable: 1` the Deployment never runs more than 4 pods: it removes one old pod, starts one new, and repeats. Slower, but it needs no spare room on the nodes. Patch the strategy and roll back to `nginx:1.27`.',
        ko: '`maxSurge: 0`, `maxUnavailable: 1`이면 디플로이먼트는 파드를 4개보다 많이 띄우지 않습니다. 옛 파드 하나를 내리고 새 파드 하나를 올리기를 반복합니다. 느리지만 노드에 남는 자원이 없어도 됩니다. 전략을 패치하고 `nginx:1.27`로 다시 롤아웃하세요.',
      },
      commands: [`kubectl patch deployment web -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":0,"maxUnavailable":1}}}}'`, 'kubectl describe deployment web', 'kubectl set image deployment/web nginx=nginx:1.27', 'kubectl rollout status deployment/web'],
      check: all(strategy('web', 0, 1), deploymentRolledOut('web', 'nginx:1.27', 4)),
      solution: [`kubectl patch deployment web -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":0,"maxUnavailable":1}}}}'`, 'kubectl describe deployment web', 'kubectl set image deployment/web nginx=nginx:1.27', 'kubectl rollout status deployment/web'],
    },
  ],
};
