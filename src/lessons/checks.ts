/** Reusable checks: each reads the view and says what is still missing, in both languages. */
import type { KubeObject } from '../engine';
import type { Check, CheckResult, ClusterView, Localized } from './types';

const done: CheckResult = { done: true };
const missing = (en: string, ko: string): CheckResult => ({ done: false, missing: { en, ko } });

function rec(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function isReady(pod: KubeObject): boolean {
  const conditions = rec(pod.status).conditions;
  return Array.isArray(conditions) && conditions.some((c) => rec(c).type === 'Ready' && rec(c).status === 'True');
}

/** All of the checks, reporting the first one missing. */
export function all(...checks: Check[]): Check {
  return (view) => {
    for (const check of checks) {
      const result = check(view);
      if (!result.done) return result;
    }
    return done;
  };
}

/** The learner typed a line matching `pattern` (a command, or a line inside a container shell). */
export function ran(pattern: RegExp, what: Localized): Check {
  return (view) => (view.history.some((line) => pattern.test(line.trim())) ? done : { done: false, missing: what });
}

export function kindClusterExists(name: string): Check {
  return (view) => (view.kindClusters().includes(name) ? done : missing(`create the kind cluster "${name}"`, `kind 클러스터 "${name}"을(를) 만드세요`));
}

export function noKindClusters(): Check {
  return (view) => (view.kindClusters().length === 0 ? done : missing('delete the remaining kind clusters', '남은 kind 클러스터를 지우세요'));
}

export function fileExists(path: string): Check {
  return (view) => (view.fileExists(path) ? done : missing(`create ${path}`, `${path} 파일을 만드세요`));
}

export function fileGone(path: string): Check {
  return (view) => (view.fileExists(path) ? missing(`remove ${path}`, `${path}을(를) 지우세요`) : done);
}

export function nodesReady(count: number): Check {
  return (view) => {
    const ready = view.list('nodes').filter((n) => {
      const conditions = rec(n.status).conditions;
      return Array.isArray(conditions) && conditions.some((c) => rec(c).type === 'Ready' && rec(c).status === 'True');
    });
    return ready.length >= count ? done : missing(`wait until ${count} node(s) are Ready`, `노드 ${count}개가 Ready가 될 때까지 기다리세요`);
  };
}

export function podRunning(name: string, namespace = 'default'): Check {
  return (view) => {
    const pod = view.get('pods', namespace, name);
    if (!pod) return missing(`create the pod "${name}"`, `파드 "${name}"을(를) 만드세요`);
    return rec(pod.status).phase === 'Running' && isReady(pod) ? done : missing(`wait until pod "${name}" is Running and Ready`, `파드 "${name}"이(가) Running이고 Ready가 될 때까지 기다리세요`);
  };
}

export function podsReady(selector: string, count: number, namespace = 'default'): Check {
  return (view) => {
    const pods = view.list('pods', namespace, selector).filter((p) => !p.metadata.deletionTimestamp && isReady(p));
    return pods.length >= count ? done : missing(`wait until ${count} pods matching ${selector} are Ready (now ${pods.length})`, `${selector}에 해당하는 파드 ${count}개가 Ready가 될 때까지 기다리세요 (현재 ${pods.length}개)`);
  };
}

export function deploymentAvailable(name: string, replicas: number, namespace = 'default'): Check {
  return (view) => {
    const deployment = view.get('deployments.apps', namespace, name);
    if (!deployment) return missing(`create the Deployment "${name}"`, `디플로이먼트 "${name}"을(를) 만드세요`);
    const available = Number(rec(deployment.status).availableReplicas ?? 0);
    return available >= replicas ? done : missing(`wait until ${replicas} replicas of "${name}" are available (now ${available})`, `"${name}"의 레플리카 ${replicas}개가 사용 가능해질 때까지 기다리세요 (현재 ${available}개)`);
  };
}

export function serviceEndpoints(name: string, count: number, namespace = 'default'): Check {
  return (view) => {
    if (!view.get('services', namespace, name)) return missing(`create the Service "${name}"`, `서비스 "${name}"을(를) 만드세요`);
    const ready = view
      .list('endpointslices.discovery.k8s.io', namespace, `kubernetes.io/service-name=${name}`)
      .flatMap((s): unknown[] => (Array.isArray(s.endpoints) ? (s.endpoints as unknown[]) : []))
      .filter((e) => rec(rec(e).conditions).ready !== false).length;
    return ready >= count ? done : missing(`wait until "${name}" has ${count} ready endpoints (now ${ready})`, `"${name}"에 준비된 엔드포인트가 ${count}개가 될 때까지 기다리세요 (현재 ${ready}개)`);
  };
}

/** A ReplicaSet whose name starts with `prefix` has created a replacement: more pods than it started with. */
export function replicaSetReplaced(prefix: string, namespace = 'default'): Check {
  return (view) => {
    const created = new Map<string, number>();
    for (const event of view.list('events', namespace)) {
      const involved = rec(event.involvedObject);
      if (event.reason !== 'SuccessfulCreate' || involved.kind !== 'ReplicaSet' || !String(involved.name).startsWith(prefix)) continue;
      created.set(String(involved.name), (created.get(String(involved.name)) ?? 0) + Number(event.count ?? 1));
    }
    const replicaSets = view.list('replicasets.apps', namespace).filter((rs) => String(rs.metadata.name).startsWith(prefix));
    const replaced = replicaSets.some((rs) => (created.get(String(rs.metadata.name)) ?? 0) > Number(rec(rs.spec).replicas ?? 1));
    return replaced ? done : missing('delete one of the pods and let the ReplicaSet replace it', '파드 하나를 지우고 레플리카셋이 새로 채우게 하세요');
  };
}

/** A node's condition (`Ready`, ...) has the given status (`True`, `False`, `Unknown`). */
export function nodeCondition(name: string, type: string, status: string): Check {
  return (view) => {
    const node = view.get('nodes', undefined, name);
    const conditions = node ? rec(node.status).conditions : undefined;
    const found = Array.isArray(conditions) ? conditions.map(rec).find((c) => c.type === type)?.status : undefined;
    const current = typeof found === 'string' ? found : undefined;
    return current === status ? done : missing(`wait until ${name} reports ${type}=${status} (now ${current ?? 'none'})`, `${name}의 ${type} 상태가 ${status}가 될 때까지 기다리세요 (현재 ${current ?? '없음'})`);
  };
}

export function nodeTainted(name: string, key: string, effect: string): Check {
  return (view) => {
    const node = view.get('nodes', undefined, name);
    const taints = node ? rec(node.spec).taints : undefined;
    const has = Array.isArray(taints) && taints.map(rec).some((t) => t.key === key && t.effect === effect);
    return has ? done : missing(`wait for the taint ${key}:${effect} on ${name}`, `${name}에 ${key}:${effect} 테인트가 붙을 때까지 기다리세요`);
  };
}

/** `count` ready pods match `selector`, none of them on `node`. */
export function podsReadyAwayFrom(selector: string, count: number, node: string, namespace = 'default'): Check {
  return (view) => {
    const pods = view.list('pods', namespace, selector).filter((p) => !p.metadata.deletionTimestamp && isReady(p) && rec(p.spec).nodeName !== node);
    return pods.length >= count ? done : missing(`wait until ${count} pods of ${selector} are Ready on other nodes (now ${pods.length})`, `${selector} 파드 ${count}개가 다른 노드에서 Ready가 될 때까지 기다리세요 (현재 ${pods.length}개)`);
  };
}

/** The pod is bound to `node`. */
export function onNode(pod: string, node: string, namespace = 'default'): Check {
  return (view) => {
    const p = view.get('pods', namespace, pod);
    return rec(p?.spec).nodeName === node ? done : missing(`get pod "${pod}" onto ${node}`, `파드 "${pod}"을(를) ${node}에 올리세요`);
  };
}

/** An object exists (`what` names it for the learner). */
export function exists(resource: string, namespace: string | undefined, name: string, what: Localized): Check {
  return (view) => (view.get(resource, namespace, name) ? done : { done: false, missing: what });
}

/** An object does not exist (never created, or deleted). */
export function absent(resource: string, namespace: string | undefined, name: string, what: Localized): Check {
  return (view) => (view.get(resource, namespace, name) ? { done: false, missing: what } : done);
}

export function kindClusterGone(name: string): Check {
  return (view) => (view.kindClusters().includes(name) ? missing(`delete the kind cluster "${name}"`, `kind 클러스터 "${name}"을(를) 지우세요`) : done);
}

/** A container of the pod is waiting with `reason` (`CrashLoopBackOff`, `ImagePullBackOff`, ...). */
export function podWaiting(name: string, reason: string, namespace = 'default'): Check {
  return (view) => {
    const pod = view.get('pods', namespace, name);
    const statuses = rec(pod?.status).containerStatuses;
    const waiting = Array.isArray(statuses) && statuses.some((s) => rec(rec(rec(s).state).waiting).reason === reason);
    return waiting ? done : missing(`wait until pod "${name}" shows ${reason}`, `파드 "${name}"이(가) ${reason} 상태가 될 때까지 기다리세요`);
  };
}

/** The pod's containers have restarted at least `count` times in total. */
export function podRestarted(name: string, count: number, namespace = 'default'): Check {
  return (view) => {
    const statuses = rec(view.get('pods', namespace, name)?.status).containerStatuses;
    const restarts = Array.isArray(statuses) ? statuses.reduce((sum: number, s) => sum + Number(rec(s).restartCount ?? 0), 0) : 0;
    return restarts >= count ? done : missing(`wait until pod "${name}" has restarted ${count} time(s) (now ${restarts})`, `파드 "${name}"이(가) ${count}번 재시작할 때까지 기다리세요 (현재 ${restarts}번)`);
  };
}

/** Pods matching `selector`: at least `ready` Ready and at least `pending` Pending (unscheduled). */
export function podsSplit(selector: string, ready: number, pending: number, namespace = 'default'): Check {
  return (view) => {
    const pods = view.list('pods', namespace, selector).filter((p) => !p.metadata.deletionTimestamp);
    const r = pods.filter(isReady).length;
    const p = pods.filter((pod) => rec(pod.status).phase === 'Pending' && !rec(pod.spec).nodeName).length;
    return r >= ready && p >= pending ? done : missing(`wait for ${ready} Ready and ${pending} Pending pods of ${selector} (now ${r} and ${p})`, `${selector} 파드가 Ready ${ready}개, Pending ${pending}개가 될 때까지 기다리세요 (현재 ${r}개, ${p}개)`);
  };
}

/** Every pod matching `selector` runs on `node` (and there is at least one). */
export function podsAllOn(selector: string, node: string, namespace = 'default'): Check {
  return (view) => {
    const pods = view.list('pods', namespace, selector).filter((p) => !p.metadata.deletionTimestamp);
    const all = pods.length > 0 && pods.every((p) => rec(p.spec).nodeName === node);
    return all ? done : missing(`get every pod of ${selector} onto ${node}`, `${selector} 파드가 모두 ${node}에 있게 하세요`);
  };
}

/** An event with `reason` exists in the namespace (e.g. `Preempted`). */
export function eventSeen(reason: string, namespace = 'default'): Check {
  return (view) => (view.list('events', namespace).some((e) => e.reason === reason) ? done : missing(`wait for a ${reason} event`, `${reason} 이벤트가 생길 때까지 기다리세요`));
}

/** The Deployment's first container runs `image` and all `replicas` are updated and available. */
export function deploymentRolledOut(name: string, image: string, replicas: number, namespace = 'default'): Check {
  return (view) => {
    const d = view.get('deployments.apps', namespace, name);
    const containers = rec(rec(rec(rec(d?.spec).template).spec)).containers;
    const current = Array.isArray(containers) ? rec(containers[0]).image : undefined;
    const status = rec(d?.status);
    const rolled = current === image && Number(status.updatedReplicas ?? 0) === replicas && Number(status.availableReplicas ?? 0) === replicas && Number(status.replicas ?? 0) === replicas;
    return rolled ? done : missing(`roll "${name}" out to ${image} with ${replicas} available replicas`, `"${name}"을(를) ${image}로 롤아웃해 레플리카 ${replicas}개를 모두 사용 가능하게 하세요`);
  };
}

/** The Job has the condition `type` (`Complete`, `Failed`) set to True, with `reason` if given. */
export function jobCondition(name: string, type: string, reason?: string, namespace = 'default'): Check {
  return (view) => {
    const conditions = rec(view.get('jobs.batch', namespace, name)?.status).conditions;
    const met = Array.isArray(conditions) && conditions.map(rec).some((c) => c.type === type && c.status === 'True' && (reason === undefined || c.reason === reason));
    return met ? done : missing(`wait until Job "${name}" is ${type}${reason ? ` (${reason})` : ''}`, `잡 "${name}"이(가) ${type}${reason ? ` (${reason})` : ''} 상태가 될 때까지 기다리세요`);
  };
}

/** A predicate over the view as a check (for hints and fails, `what` may be empty). */
export function holds(predicate: (view: ClusterView) => boolean, what: Localized = { en: '', ko: '' }): Check {
  return (view) => (predicate(view) ? done : { done: false, missing: what });
}
