/** Reusable checks: each reads the view and says what is still missing, in both languages. */
import type { KubeObject } from '../engine';
import type { Check, CheckResult, Localized } from './types';

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
